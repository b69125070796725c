using Akto.Consolidation.Silo.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace Akto.Consolidation.Silo.Health;

/// <summary>Ready when this silo is an active member of its cluster.</summary>
public sealed class SiloHealthCheck(IClusterMembershipService membership, ILocalSiloDetails localSilo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = membership.CurrentSnapshot;
        var status = snapshot.GetSiloStatus(localSilo.SiloAddress);
        var active = snapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);
        var data = new Dictionary<string, object> { ["silo"] = localSilo.SiloAddress.ToString(), ["status"] = status.ToString(), ["activeSilos"] = active };
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy("silo active", data)
            : HealthCheckResult.Unhealthy($"silo {status}", data: data));
    }
}

/// <summary>Ready when the database answers and holds the Orleans queries.</summary>
public sealed class StorageHealthCheck(AktoDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            await using var command = database.Command(connection, "SELECT COUNT(*) FROM OrleansQuery");
            var queries = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken));
            return queries > 0
                ? HealthCheckResult.Healthy($"{database.Dialect} answers", new Dictionary<string, object> { ["queries"] = queries })
                : HealthCheckResult.Unhealthy($"{database.Dialect} has no Orleans queries");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{database.Dialect} does not answer", ex);
        }
    }
}
