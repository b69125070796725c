using Npgsql;

namespace Akto.Consolidation.Silo.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL the tests run against: <c>AKTO_TEST_POSTGRES</c>, which scripts/test.sh always sets.
/// Without it the PostgreSQL tests fail (they never pass silently).
/// </summary>
public static class TestPostgres
{
    public const string Variable = "AKTO_TEST_POSTGRES";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set: these tests need a real PostgreSQL. Run scripts/test.sh, which starts one, " +
                $"or set {Variable}=\"Host=127.0.0.1;Port=5432;Username=…;Password=…;Database=…\".");

    public static async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)Convert.ChangeType((await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!, typeof(T));
    }
}
