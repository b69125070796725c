using System.Net;
using System.Net.Sockets;

namespace Akto.Consolidation.Silo.Tests.Cli;

/// <summary>Every networked command against a server that is not there: exit 3 and one plain line, no stack trace.</summary>
public sealed class UnreachableServerTests
{
    public static TheoryData<string[]> Commands()
    {
        var seed = Api.BudgetApi.SeedPath;
        var folder = Path.GetDirectoryName(seed)!;
        return new TheoryData<string[]>(
            ["login"],
            ["submit", seed],
            ["submit-dir", folder],
            ["status", "--year", "2024"],
            ["workflow", "submit", "139001", "--year", "2024"],
            ["workflow", "return", "139001", "--year", "2024", "--reason", "数据有误"],
            ["versions", "139001", "--year", "2024"],
            ["diff", "139001", "1", "2", "--year", "2024"],
            ["consolidation", "--year", "2024"],
            ["consolidation", "--year", "2024", "--watch", "--watch-count", "2"],
            ["reports", "list"],
            ["keys", "create", "--role", "unit", "--scope", "139001"]);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_stopped_server_is_exit_3_and_one_clear_line(string[] command)
    {
        var server = StoppedServer();
        var config = Path.Combine(Path.GetTempPath(), "akto-config-" + Guid.NewGuid().ToString("N"), "config.json");

        // keys predates the config file and takes no --config.
        string[] configArgs = command[0] is "keys" ? [] : ["--config", config];
        var (exit, _, error) = AktoCli.Run([.. command, "--server", server, "--key", "any-key", .. configArgs]);

        Assert.Equal(3, exit);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.Contains("无法连接", line);
        Assert.Contains(server.TrimEnd('/'), line);
        Assert.DoesNotContain("   at ", error);
        Assert.False(File.Exists(config));
    }

    /// <summary>A loopback address where nothing listens: a port just freed.</summary>
    private static string StoppedServer()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }
}
