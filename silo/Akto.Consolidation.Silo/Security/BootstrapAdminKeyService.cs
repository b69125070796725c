using Akto.Consolidation.Silo.Hosting;

namespace Akto.Consolidation.Silo.Security;

/// <summary>Registers <c>AKTO_BOOTSTRAP_ADMIN_KEY</c> as a finance-bureau key at start-up (after the schema exists).</summary>
public sealed class BootstrapAdminKeyService(AktoSettings settings, ApiKeyStore keys, ILogger<BootstrapAdminKeyService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(settings.BootstrapAdminKey))
        {
            return;
        }

        if (settings.BootstrapAdminKey.Length < 16)
        {
            throw new InvalidOperationException("AKTO_BOOTSTRAP_ADMIN_KEY must be at least 16 characters long.");
        }

        await keys.RegisterBootstrapKeyAsync(settings.BootstrapAdminKey, cancellationToken);
        logger.LogInformation("Registered the bootstrap finance-bureau API key");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
