using System.Text.Json;
using Akto.Consolidation.Silo.Security;
using Akto.Consolidation.Silo.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Akto.Consolidation.Silo.Hosting;

/// <summary>
/// The silo's command line. No verb runs the silo; <c>migrate</c> applies the schema and exits;
/// <c>keys create --role R [--scope S] [--description D]</c> creates an API key and prints it once.
/// Configuration arguments (<c>--Akto:DataDirectory=…</c>, <c>--ConnectionStrings:Postgres=…</c>) work with every verb.
/// </summary>
public static class SiloCommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length > 0 && args[0] == "migrate")
        {
            return await MigrateAsync(args[1..]);
        }

        if (args.Length > 1 && args[0] == "keys" && args[1] == "create")
        {
            return await CreateKeyAsync(args[2..]);
        }

        if (args.Length > 0 && args[0] is "help" or "--help" or "-h")
        {
            Console.WriteLine("""
                Akto.Consolidation.Silo [configuration…]            run the silo (HTTP on http://127.0.0.1:5080)
                Akto.Consolidation.Silo migrate [configuration…]    apply the database schema and exit
                Akto.Consolidation.Silo keys create --role finance-bureau|department|unit [--scope CODE] [--description TEXT]
                configuration: --ConnectionStrings:Postgres=… (else embedded SQLite), --Akto:DataDirectory=./data, …
                """);
            return 0;
        }

        await SiloHost.Build(args).RunAsync();
        return 0;
    }

    private static async Task<int> MigrateAsync(string[] args)
    {
        var settings = AktoSettings.From(Configuration(args));
        await using var database = AktoDatabase.Create(settings);
        var applied = await new SchemaMigrator(database, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        Console.WriteLine(applied.Count == 0
            ? $"{database.Dialect}: schema up to date"
            : $"{database.Dialect}: applied {string.Join(", ", applied.Select(s => $"{s.Version:D4}_{s.Name}"))}");
        return 0;
    }

    private static async Task<int> CreateKeyAsync(string[] args)
    {
        string? role = null, scope = null, description = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--role" when i + 1 < args.Length: role = args[++i]; break;
                case "--scope" when i + 1 < args.Length: scope = args[++i]; break;
                case "--description" when i + 1 < args.Length: description = args[++i]; break;
                default: rest.Add(args[i]); break;
            }
        }

        var command = new Api.CreateApiKeyCommand(role, scope, description);
        var errors = command.Validate();
        if (errors.Count > 0)
        {
            foreach (var (field, messages) in errors)
            {
                await Console.Error.WriteLineAsync($"--{field}: {string.Join("; ", messages)}");
            }

            return 2;
        }

        var settings = AktoSettings.From(Configuration([.. rest]));
        await using var database = AktoDatabase.Create(settings);
        await new SchemaMigrator(database, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        var created = await new ApiKeyStore(database).CreateAsync(role!, scope, description ?? "", CancellationToken.None);
        Console.WriteLine(JsonSerializer.Serialize(created, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
        return 0;
    }

    private static IConfiguration Configuration(string[] args) => new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .AddCommandLine(args)
        .Build();
}
