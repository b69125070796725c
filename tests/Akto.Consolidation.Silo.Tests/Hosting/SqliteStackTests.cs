using System.Text.Json;

namespace Akto.Consolidation.Silo.Tests.Hosting;

/// <summary>
/// The silo runs on one SQLite stack (README, Dependencies): Microsoft.Data.Sqlite over one SQLitePCLRaw line and one
/// native library. A package that brings another line (sqlite-net, bundle_green, SourceGear.sqlite3, SQLitePCLRaw 3.x)
/// fails here rather than as a crash when the silo stops.
/// </summary>
public sealed class SqliteStackTests
{
    private const string SqlitePclRawLine = "2.1.13";

    [Fact]
    public void Silo_deps_name_one_SQLitePCLRaw_version_and_no_other_SQLite_package()
    {
        var depsPath = Path.Combine(AppContext.BaseDirectory, "Akto.Consolidation.Silo.deps.json");
        Assert.True(File.Exists(depsPath), $"{depsPath} is missing");
        using var deps = JsonDocument.Parse(File.ReadAllText(depsPath));

        var sqlitePackages = deps.RootElement.GetProperty("libraries").EnumerateObject()
            .Select(library => library.Name)
            .Where(name => name.Contains("sqlite", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(
            [
                "Akto.Consolidation.Hangfire.Sqlite/1.0.0",
                "Microsoft.Data.Sqlite.Core/10.0.15",
                "Microsoft.Data.Sqlite/10.0.15",
                $"SQLitePCLRaw.bundle_e_sqlite3/{SqlitePclRawLine}",
                $"SQLitePCLRaw.core/{SqlitePclRawLine}",
                $"SQLitePCLRaw.lib.e_sqlite3/{SqlitePclRawLine}",
                $"SQLitePCLRaw.provider.e_sqlite3/{SqlitePclRawLine}",
            ],
            sqlitePackages);
    }

    [Fact]
    public void The_process_loads_the_e_sqlite3_provider_of_that_line()
    {
        // Opening a connection initialises SQLitePCLRaw: the provider and the native library it found.
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:");
        connection.Open();
        Assert.Equal("e_sqlite3", SQLitePCL.raw.GetNativeLibraryName());
        Assert.StartsWith(SqlitePclRawLine, typeof(SQLitePCL.raw).Assembly.GetName().Version!.ToString(), StringComparison.Ordinal);
    }
}
