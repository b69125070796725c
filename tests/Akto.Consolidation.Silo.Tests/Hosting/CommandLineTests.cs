using Akto.Consolidation.Silo.Hosting;
using Akto.Consolidation.Silo.Storage;

namespace Akto.Consolidation.Silo.Tests.Hosting;

/// <summary>The silo's verbs: <c>migrate</c> and <c>keys create</c>.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "akto-cli-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Migrate_creates_the_embedded_database_and_keys_create_stores_a_key()
    {
        Assert.Equal(0, await SiloCommandLine.RunAsync(["migrate", $"--Akto:DataDirectory={_data}"]));
        Assert.True(File.Exists(Path.Combine(_data, "akto.db")));

        Assert.Equal(0, await SiloCommandLine.RunAsync(
            ["keys", "create", "--role", "department", "--scope", "208", "--description", "人社局主管部门", $"--Akto:DataDirectory={_data}"]));

        await using var database = AktoDatabase.Create(new AktoSettings { DataDirectory = _data });
        await using var connection = await database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = database.Command(connection, "SELECT role || ':' || scope FROM akto_api_keys");
        Assert.Equal("department:208", await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("mayor", "x")]
    [InlineData("unit", null)]
    public async Task Keys_create_refuses_an_invalid_role_or_scope(string role, string? scope)
    {
        string[] args = scope is null
            ? ["keys", "create", "--role", role, $"--Akto:DataDirectory={_data}"]
            : ["keys", "create", "--role", role, "--scope", scope, $"--Akto:DataDirectory={_data}"];
        Assert.Equal(2, await SiloCommandLine.RunAsync(args));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
