using System.CommandLine;
using System.Net;
using System.Net.Http.Headers;

namespace Akto.Consolidation.Client.Commands;

/// <summary>
/// The connection options every networked command takes: <c>--server URL</c>, <c>--key KEY</c> (alias <c>--api-key</c>),
/// <c>--config FILE</c>. Each falls back to <c>AKTO_SERVER</c> / <c>AKTO_KEY</c> (or <c>AKTO_API_KEY</c>), then to the
/// config file <c>akto login</c> writes, then (the server only) to http://127.0.0.1:5080.
/// </summary>
internal sealed class ServerOptions
{
    public const string DefaultServer = "http://127.0.0.1:5080";

    public Option<string?> Server { get; } = new("--server") { Description = "silo URL (default: AKTO_SERVER, the config file, " + DefaultServer + ")" };

    public Option<string?> Key { get; } = new("--key", "--api-key") { Description = "API key (default: AKTO_KEY or AKTO_API_KEY, the config file)" };

    public Option<string?> Config { get; } = new("--config") { Description = "config file (default: ~/.config/akto/config.json, written by akto login)" };

    /// <summary>Adds the three options to <paramref name="command"/> and returns it.</summary>
    public Command AddTo(Command command)
    {
        command.Options.Add(Server);
        command.Options.Add(Key);
        command.Options.Add(Config);
        return command;
    }

    /// <summary>The server and key the command will use, or why there are none.</summary>
    public (string Server, string? Key, string? Problem) Resolve(ParseResult parse)
    {
        var configPath = parse.GetValue(Config) ?? ClientConfig.DefaultPath;
        var config = ClientConfig.Load(configPath, out var problem);
        if (config is null)
        {
            return (DefaultServer, null, problem);
        }

        var server = parse.GetValue(Server) ?? Env("AKTO_SERVER") ?? config.Server ?? DefaultServer;
        var key = parse.GetValue(Key) ?? Env("AKTO_KEY") ?? Env("AKTO_API_KEY") ?? config.Key;
        return (server, key, null);
    }

    private static string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}

/// <summary>
/// Runs a networked command: resolves the connection, checks it with <c>GET /api/v1/me</c> (so a stopped server or a
/// refused key is one plain line and exit 3 before anything else happens) and hands the command an authorised client.
/// A connection lost later is the same line and exit 3, never a stack trace.
/// </summary>
internal static class ServerConnection
{
    public static async Task<int> RunAsync(
        ServerOptions options, ParseResult parse, TextWriter error, Func<HttpClient, Task<int>> action, CancellationToken cancellationToken)
    {
        var (server, key, problem) = options.Resolve(parse);
        if (problem is not null)
        {
            error.WriteLine($"akto: {problem}");
            return ExitCodes.Unreadable;
        }

        if (string.IsNullOrEmpty(key))
        {
            error.WriteLine("akto: 需要密钥：--key、AKTO_KEY 或 akto login (an API key is required).");
            return ExitCodes.Unreadable;
        }

        if (!Uri.TryCreate(server.EndsWith('/') ? server : server + "/", UriKind.Absolute, out var baseAddress) || baseAddress.Scheme is not ("http" or "https"))
        {
            error.WriteLine($"akto: 服务器地址无效 (invalid server URL): {server}");
            return ExitCodes.Unreadable;
        }

        using var client = Create(baseAddress, key);
        try
        {
            if (await RefusalAsync(client, server, cancellationToken) is { } refusal)
            {
                error.WriteLine(refusal);
                return ExitCodes.Unreachable;
            }

            return await action(client);
        }
        catch (Exception exception) when (IsUnreachable(exception, cancellationToken))
        {
            error.WriteLine(Unreachable(server, exception));
            return ExitCodes.Unreachable;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            error.WriteLine("akto: 已取消 (cancelled)");
            return ExitCodes.Unreachable;
        }
    }

    private static HttpClient Create(Uri baseAddress, string key)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>A failure of the transport (refused, reset, DNS, timeout), as opposed to an answer of the server.</summary>
    public static bool IsUnreachable(Exception exception, CancellationToken cancellationToken) =>
        exception is HttpRequestException || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    public static string Unreachable(string server, Exception exception) =>
        $"akto: 无法连接服务器 {server} (server unreachable): {(exception is TaskCanceledException ? "超时 (timed out)" : exception.Message)}";

    /// <summary>Null when the server answers and accepts the key; else the line to print.</summary>
    private static async Task<string?> RefusalAsync(HttpClient client, string server, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        using var response = await client.GetAsync("api/v1/me", timeout.Token);
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => $"akto: 服务器 {server} 拒绝了此密钥 (the server refused the key: {(int)response.StatusCode})",
            >= HttpStatusCode.InternalServerError => $"akto: 服务器 {server} 暂不可用 (server error {(int)response.StatusCode})",
            _ when !response.IsSuccessStatusCode => $"akto: {server} 不是 akto 服务器 (not an akto server: {(int)response.StatusCode})",
            _ => null,
        };
    }
}
