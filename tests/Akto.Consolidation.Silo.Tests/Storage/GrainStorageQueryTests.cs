using System.Data.Common;
using Akto.Consolidation.Silo.Storage;

namespace Akto.Consolidation.Silo.Tests.Storage;

/// <summary>
/// The grain storage queries against the provider's contract, called exactly as Orleans 10.4.2 calls them
/// (named parameters without prefix, results read by column name), on both dialects.
/// </summary>
public sealed class GrainStorageQueryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(SqlDialect.PostgreSql)]
    [InlineData(SqlDialect.Sqlite)]
    public async Task Writes_are_optimistic_and_clear_keeps_counting_versions(SqlDialect dialect)
    {
        await using var target = await StorageTarget.CreateAsync(dialect);
        var queries = await target.QueriesAsync();
        var grain = new GrainRow($"svc-{Guid.NewGuid():N}", "budget-unit", "2024/akto-hrss");

        Assert.Null(await ReadAsync(target, queries, grain));
        Assert.Equal(1, await WriteAsync(target, queries, grain, null, [1]));
        Assert.Null(await WriteAsync(target, queries, grain, null, [9]));       // someone else inserted first
        Assert.Equal(2, await WriteAsync(target, queries, grain, 1, [2]));
        Assert.Null(await WriteAsync(target, queries, grain, 1, [9]));          // stale version
        Assert.Equal((2, new byte[] { 2 }), await ReadAsync(target, queries, grain));

        Assert.Equal(3, await ClearAsync(target, queries, grain, 2));
        Assert.Null(await ClearAsync(target, queries, grain, 2));
        var cleared = await ReadAsync(target, queries, grain);
        Assert.Equal(3, cleared!.Value.Version);
        Assert.Null(cleared.Value.Payload);
        Assert.Equal(4, await WriteAsync(target, queries, grain, 3, [4]));

        // Same key under another state name or another service is another row.
        Assert.Null(await ReadAsync(target, queries, grain with { StateName = "classification-node" }));
        Assert.Null(await ReadAsync(target, queries, grain with { ServiceId = "other" }));
    }

    [Theory]
    [InlineData(SqlDialect.PostgreSql)]
    [InlineData(SqlDialect.Sqlite)]
    public async Task Concurrent_first_writes_let_exactly_one_win(SqlDialect dialect)
    {
        await using var target = await StorageTarget.CreateAsync(dialect);
        var queries = await target.QueriesAsync();
        var grain = new GrainRow($"svc-{Guid.NewGuid():N}", "budget-unit", "2024/race");

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => WriteAsync(target, queries, grain, null, [(byte)i]))));
        Assert.Single(results, r => r == 1);
        Assert.Equal(7, results.Count(r => r is null));
    }

    private sealed record GrainRow(string ServiceId, string StateName, string Key);

    private static DbCommand Command(DbConnection connection, string sql, GrainRow grain, int? version, byte[]? payload)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        Add(command, "GrainIdHash", grain.Key.GetHashCode());
        Add(command, "GrainIdN0", 0L);
        Add(command, "GrainIdN1", 0L);
        Add(command, "GrainTypeHash", grain.StateName.GetHashCode());
        Add(command, "GrainTypeString", grain.StateName);
        Add(command, "GrainIdExtensionString", grain.Key);
        Add(command, "ServiceId", grain.ServiceId);
        Add(command, "GrainStateVersion", version, System.Data.DbType.Int32);
        if (payload is not null)
        {
            Add(command, "PayloadBinary", payload);
        }

        return command;
    }

    private static void Add(DbCommand command, string name, object? value, System.Data.DbType? type = null)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        if (type is not null)
        {
            parameter.DbType = type.Value;
        }

        command.Parameters.Add(parameter);
    }

    private static async Task<int?> WriteAsync(StorageTarget target, Dictionary<string, string> queries, GrainRow grain, int? version, byte[] payload)
    {
        await using var connection = await target.Database.OpenConnectionAsync(Ct);
        await using var command = Command(connection, queries["WriteToStorageKey"], grain, version, payload);
        return await SingleVersionAsync(command, "NewGrainStateVersion");
    }

    private static async Task<int?> ClearAsync(StorageTarget target, Dictionary<string, string> queries, GrainRow grain, int version)
    {
        await using var connection = await target.Database.OpenConnectionAsync(Ct);
        await using var command = Command(connection, queries["ClearStorageKey"], grain, version, null);
        return await SingleVersionAsync(command, "NewGrainStateVersion");
    }

    private static async Task<(int Version, byte[]? Payload)?> ReadAsync(StorageTarget target, Dictionary<string, string> queries, GrainRow grain)
    {
        await using var connection = await target.Database.OpenConnectionAsync(Ct);
        await using var command = Command(connection, queries["ReadFromStorageKey"], grain, null, null);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        if (!await reader.ReadAsync(Ct))
        {
            return null;
        }

        var payload = reader.GetOrdinal("PayloadBinary");
        return (Convert.ToInt32(reader.GetValue(reader.GetOrdinal("Version"))), reader.IsDBNull(payload) ? null : (byte[])reader.GetValue(payload));
    }

    /// <summary>Reads every result set as the provider does; more than one row would be a broken query.</summary>
    private static async Task<int?> SingleVersionAsync(DbCommand command, string column)
    {
        var versions = new List<int>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        do
        {
            while (await reader.ReadAsync(Ct))
            {
                versions.Add(Convert.ToInt32(reader.GetValue(reader.GetOrdinal(column))));
            }
        }
        while (await reader.NextResultAsync(Ct));

        return versions.Count switch
        {
            0 => null,
            1 => versions[0],
            _ => throw new InvalidOperationException($"{versions.Count} rows returned"),
        };
    }
}
