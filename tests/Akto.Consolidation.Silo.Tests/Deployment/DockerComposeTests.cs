using System.Text.RegularExpressions;
using Akto.Consolidation.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Akto.Consolidation.Silo.Tests.Deployment;

/// <summary>Docker cannot run here: check instead that docker-compose.yml and the Dockerfile hold together.</summary>
public sealed partial class DockerComposeTests
{
    private static readonly string Root = FindRepositoryRoot();

    private static readonly Dictionary<object, object> Compose = Load();

    private static Dictionary<object, object> Services => Map(Compose["services"]);

    [Fact]
    public void Declares_postgres_and_two_silos()
    {
        Assert.Equal(["postgres", "silo1", "silo2"], Services.Keys.Cast<string>().Order());
        Assert.StartsWith("postgres:", (string)Map(Services["postgres"])["image"]);
    }

    [Theory]
    [InlineData("silo1")]
    [InlineData("silo2")]
    public void Silo_builds_from_files_that_exist(string service)
    {
        var build = Map(Map(Services[service])["build"]);
        var context = Path.GetFullPath(Path.Combine(Root, (string)build["context"]));
        Assert.True(Directory.Exists(context), context);
        var dockerfile = Path.Combine(context, (string)build["dockerfile"]);
        Assert.True(File.Exists(dockerfile), dockerfile);

        var copies = File.ReadAllLines(dockerfile)
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from=", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(copies);
        foreach (var copy in copies)
        {
            var parts = copy.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1];
            foreach (var source in parts)
            {
                var path = Path.Combine(context, source.TrimEnd('/'));
                Assert.True(File.Exists(path) || Directory.Exists(path), $"{copy}: {path} is missing");
            }
        }

        var text = File.ReadAllText(dockerfile);
        Assert.Contains("mcr.microsoft.com/dotnet/sdk:10.0", text);
        Assert.Contains("mcr.microsoft.com/dotnet/aspnet:10.0", text);
        Assert.Contains("silo/Akto.Consolidation.Silo/Akto.Consolidation.Silo.csproj", text);
    }

    [Theory]
    [InlineData("silo1")]
    [InlineData("silo2")]
    public void Silo_environment_configures_postgresql_mode_with_adonet_clustering(string service)
    {
        var silo = Map(Services[service]);
        var environment = Map(silo["environment"]).ToDictionary(e => (string)e.Key, e => Interpolate((string)e.Value));
        Assert.Contains("postgres", Map(silo["depends_on"]).Keys.Cast<string>());
        Assert.Equal(service, (string)silo["hostname"]);

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(environment.Select(e => KeyValuePair.Create(e.Key.Replace("__", ":"), (string?)e.Value)))
            .Build();
        var settings = AktoSettings.From(configuration);
        Assert.Equal(StorageMode.Postgres, settings.Mode);
        Assert.Contains("Host=postgres;", settings.PostgresConnectionString);
        Assert.Equal(service, settings.AdvertisedAddress);
        Assert.Equal("akto-consolidation", settings.ServiceId);
        Assert.Equal("0 * * * *", settings.ReconcileCron);
        Assert.True(settings.BootstrapAdminKey is { Length: >= 16 });
        Assert.Equal("http://0.0.0.0:8080", environment["ASPNETCORE_URLS"]);

        var postgres = Map(Map(Services["postgres"])["environment"]);
        Assert.Contains($"Username={postgres["POSTGRES_USER"]};", settings.PostgresConnectionString);
        Assert.Contains($"Database={postgres["POSTGRES_DB"]}", settings.PostgresConnectionString);
    }

    [Fact]
    public void Silos_publish_distinct_ports_and_named_volumes_are_declared()
    {
        var published = new[] { "silo1", "silo2" }
            .SelectMany(s => ((List<object>)Map(Services[s])["ports"]).Cast<string>())
            .Select(p => p.Split(':')[0])
            .ToList();
        Assert.Equal(published.Count, published.Distinct().Count());

        var declared = Map(Compose["volumes"]).Keys.Cast<string>().ToHashSet();
        var used = ((List<object>)Map(Services["postgres"])["volumes"]).Cast<string>().Select(v => v.Split(':')[0]);
        Assert.All(used, v => Assert.Contains(v, declared));
    }

    [Fact]
    public void Dockerfile_restore_stage_copies_every_project_the_silo_references()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Root, "silo", "Akto.Consolidation.Silo", "Dockerfile"));
        var pending = new Stack<string>([Path.Combine(Root, "silo", "Akto.Consolidation.Silo", "Akto.Consolidation.Silo.csproj")]);
        var seen = new HashSet<string>();
        while (pending.TryPop(out var project))
        {
            if (!seen.Add(project))
            {
                continue;
            }

            var relative = Path.GetRelativePath(Root, project).Replace('\\', '/');
            Assert.Contains($"COPY {relative} ", dockerfile);
            var references = System.Xml.Linq.XDocument.Load(project).Descendants("ProjectReference")
                .Select(r => (string)r.Attribute("Include")!)
                .Select(include => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, include.Replace('\\', '/'))));
            foreach (var reference in references)
            {
                pending.Push(reference);
            }
        }
    }

    /// <summary>Compose's "${NAME:-default}" and "${NAME:?message}" with nothing set in the environment.</summary>
    private static string Interpolate(string value) =>
        Interpolation().Replace(value, m => m.Groups["op"].Value == "-" ? m.Groups["arg"].Value : new string('x', 24));

    [GeneratedRegex(@"\$\{(?<name>[A-Z0-9_]+):(?<op>[-?])(?<arg>[^}]*)\}")]
    private static partial Regex Interpolation();

    private static Dictionary<object, object> Map(object node) => (Dictionary<object, object>)node;

    private static Dictionary<object, object> Load()
    {
        using var reader = new StringReader(File.ReadAllText(Path.Combine(Root, "docker-compose.yml")));
        // MergingParser resolves the "<<: *silo" merge keys the file uses.
        return new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(new MergingParser(new Parser(reader)));
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Akto.Consolidation.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Akto.Consolidation.sln not found above " + AppContext.BaseDirectory);
    }
}
