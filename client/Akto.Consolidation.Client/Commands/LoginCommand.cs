using System.CommandLine;

namespace Akto.Consolidation.Client.Commands;

/// <summary>
/// <c>akto login --server URL --key KEY</c>: checks the key against the server (<c>GET /api/v1/me</c>) and remembers both
/// in the config file (mode 0600), so later commands need neither.
/// </summary>
internal static class LoginCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var server = new ServerOptions();
        var command = server.AddTo(new Command("login", "登录: check the server and key, and remember them in ~/.config/akto/config.json (mode 0600)."));
        command.SetAction((parse, ct) => ServerConnection.RunAsync(server, parse, error, async client =>
        {
            var (me, exit) = await ApiCalls.GetJsonAsync(client, "api/v1/me", error, ct);
            if (exit is { } failed)
            {
                return failed;
            }

            var (url, key, _) = server.Resolve(parse);
            var path = parse.GetValue(server.Config) ?? ClientConfig.DefaultPath;
            try
            {
                new ClientConfig(url, key).Save(path);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"akto: 无法写入配置文件 {path} (cannot write the config file): {exception.Message}");
                return ExitCodes.Unreadable;
            }

            var scope = me.TryGetProperty("scope", out var s) ? s.GetString() : null;
            output.WriteLine($"已登录 {url} (logged in): {me.GetProperty("role").GetString()}{(scope is null ? "" : " " + scope)}; 配置已写入 {path}");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
