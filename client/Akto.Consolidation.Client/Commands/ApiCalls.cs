using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Akto.Consolidation.Client.Commands;

/// <summary>Calls of the silo's API shared by the networked commands, with the exit code an unsuccessful answer means.</summary>
internal static class ApiCalls
{
    public static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    public static string UnitPath(int year, string unitCode, string tail = "") =>
        $"api/v1/years/{Year(year)}/units/{Uri.EscapeDataString(unitCode)}{(tail.Length == 0 ? "" : "/" + tail)}";

    /// <summary>The answer's JSON, or (after printing the problem in one line) the exit code it means.</summary>
    public static async Task<(JsonElement Body, int? Exit)> GetJsonAsync(HttpClient client, string path, TextWriter error, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(path, cancellationToken);
        return await ReadAsync(response, error, cancellationToken);
    }

    public static async Task<(JsonElement Body, int? Exit)> ReadAsync(HttpResponseMessage response, TextWriter error, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                return (document.RootElement.Clone(), null);
            }
            catch (JsonException)
            {
                error.WriteLine("akto: 服务器的回答不是 JSON (the server's answer is not JSON)");
                return (default, ExitCodes.Unreachable);
            }
        }

        error.WriteLine($"akto: {(int)response.StatusCode} {ProblemText.Describe(text)}");
        return (default, ExitFor(response.StatusCode));
    }

    /// <summary>401/403 and 5xx: the server refused or failed (3); anything else is about the request (1).</summary>
    public static int ExitFor(HttpStatusCode status) =>
        status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || (int)status >= 500 ? ExitCodes.Unreachable : ExitCodes.Invalid;
}
