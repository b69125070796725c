using Akto.Consolidation.Client.Commands;

namespace Akto.Consolidation.Client.Tests.Commands;

/// <summary>The config file <c>akto login</c> writes: private, and read back by every networked command.</summary>
public sealed class ClientConfigTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("akto-config-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Saving_writes_a_file_only_its_owner_can_read_even_over_a_readable_one()
    {
        var path = Path.Combine(_folder, "akto", "config.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "{}");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        new ClientConfig("http://silo:5080", "secret").Save(path);

        Assert.True(OperatingSystem.IsWindows() || File.GetUnixFileMode(path) == (UnixFileMode.UserRead | UnixFileMode.UserWrite));
        Assert.Equal(new ClientConfig("http://silo:5080", "secret"), ClientConfig.Load(path, out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void No_file_is_an_empty_config_and_a_broken_one_is_a_problem()
    {
        Assert.Equal(new ClientConfig(null, null), ClientConfig.Load(Path.Combine(_folder, "none.json"), out var none));
        Assert.Null(none);

        var broken = Path.Combine(_folder, "broken.json");
        File.WriteAllText(broken, "{ not json");
        Assert.Null(ClientConfig.Load(broken, out var problem));
        Assert.Contains(broken, problem);
    }

    [Fact]
    public void The_config_file_supplies_server_and_key_and_options_override_them()
    {
        var path = Path.Combine(_folder, "config.json");
        new ClientConfig("http://from-config:1", "config-key").Save(path);
        var options = new ServerOptions();
        var command = options.AddTo(new System.CommandLine.Command("x"));

        var fromFile = options.Resolve(command.Parse(["--config", path]));
        var overridden = options.Resolve(command.Parse(["--config", path, "--server", "http://flag:2", "--api-key", "flag-key"]));

        if (Environment.GetEnvironmentVariable("AKTO_SERVER") is null && Environment.GetEnvironmentVariable("AKTO_KEY") is null && Environment.GetEnvironmentVariable("AKTO_API_KEY") is null)
        {
            Assert.Equal(("http://from-config:1", "config-key", (string?)null), fromFile);
        }

        Assert.Equal(("http://flag:2", "flag-key", (string?)null), overridden);
    }

    [Fact]
    public void Usage_errors_are_exit_2_before_any_connection()
    {
        Assert.Equal(2, CliRun.InProcess("submit-dir", _folder, "--parallel", "0", "--server", "http://127.0.0.1:9", "--key", "k").Exit);
        Assert.Equal(2, CliRun.InProcess("submit", Path.Combine(_folder, "missing.json"), "--server", "http://127.0.0.1:9", "--key", "k").Exit);
        Assert.Equal(2, CliRun.InProcess("status", "--server", "not a url", "--key", "k", "--config", Path.Combine(_folder, "none.json")).Exit);
        Assert.Equal(2, CliRun.InProcess("consolidation", "--depth", "9", "--server", "http://127.0.0.1:9", "--key", "k").Exit);
    }
}
