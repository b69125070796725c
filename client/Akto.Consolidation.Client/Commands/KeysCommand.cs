using System.CommandLine;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Akto.Consolidation.Client.Commands;

/// <summary>
/// <c>akto keys create --role finance-bureau|department|unit [--scope CODE] [--description TEXT]</c>: asks a running silo
/// (<c>--server</c> or <c>AKTO_SERVER</c>, default http://127.0.0.1:5080) for a new API key, authorised by a
/// finance-bureau key (<c>--api-key</c> or <c>AKTO_API_KEY</c>). The key is printed once.
/// </summary>
internal static class KeysCommand
{
    public static Command Create(TextWriter output, TextWriter error, Func<HttpMessageHandler>? handler = null)
    {
        var server = new Option<string>("--server") { Description = "silo URL", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("AKTO_SERVER") ?? "http://127.0.0.1:5080" };
        var apiKey = new Option<string?>("--api-key", "--key") { Description = "finance-bureau API key (default: AKTO_API_KEY)", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("AKTO_API_KEY") };
        var role = new Option<string>("--role") { Description = "finance-bureau | department | unit", Required = true };
        role.AcceptOnlyFromAmong("finance-bureau", "department", "unit");
        var scope = new Option<string?>("--scope") { Description = "department or unit code (not for finance-bureau)" };
        var description = new Option<string?>("--description") { Description = "说明" };
        var create = new Command("create", "创建 API 密钥 (create an API key; printed once).") { server, apiKey, role, scope, description };
        create.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(server)!, parse.GetValue(apiKey), parse.GetValue(role)!, parse.GetValue(scope), parse.GetValue(description), output, error, handler, cancellationToken));
        return new Command("keys", "API 密钥管理 (API keys).") { create };
    }

    private static async Task<int> RunAsync(string server, string? apiKey, string role, string? scope, string? description, TextWriter output, TextWriter error, Func<HttpMessageHandler>? handler, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(apiKey))
        {
            error.WriteLine("需要财政局密钥：--api-key 或 AKTO_API_KEY (a finance-bureau key is required).");
            return ExitCodes.Invalid;
        }

        if (!Uri.TryCreate(server, UriKind.Absolute, out var baseAddress))
        {
            error.WriteLine($"服务器地址无效: {server}");
            return ExitCodes.Invalid;
        }

        using var client = handler is null ? new HttpClient() : new HttpClient(handler());
        client.BaseAddress = baseAddress;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        try
        {
            using var response = await client.PostAsJsonAsync("/api/v1/keys", new { role, scope, description }, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                error.WriteLine($"{(int)response.StatusCode} {ProblemText.Describe(body)}");
                return ExitCodes.Invalid;
            }

            using var created = JsonDocument.Parse(body);
            var root = created.RootElement;
            output.WriteLine(root.GetProperty("key").GetString());
            error.WriteLine($"已创建 {root.GetProperty("role").GetString()} 密钥 {root.GetProperty("keyId").GetString()}（仅显示一次，请妥善保存）");
            return ExitCodes.Ok;
        }
        catch (HttpRequestException exception)
        {
            error.WriteLine(ServerConnection.Unreachable(server, exception));
            return ExitCodes.Unreachable;
        }
    }
}
