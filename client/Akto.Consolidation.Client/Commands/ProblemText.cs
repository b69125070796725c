using System.Text.Json;

namespace Akto.Consolidation.Client.Commands;

/// <summary>What the silo's error bodies say, in one line for the terminal.</summary>
internal static class ProblemText
{
    /// <summary>The title, detail and errors of an RFC 7807 problem-details body, or the body itself.</summary>
    public static string Describe(string body)
    {
        try
        {
            using var problem = JsonDocument.Parse(body);
            var root = problem.RootElement;
            var title = root.TryGetProperty("title", out var t) ? t.GetString() : null;
            var detail = root.TryGetProperty("detail", out var d) ? d.GetString() : null;
            var errors = root.TryGetProperty("errors", out var e) ? e.GetRawText() : null;
            return string.Join(" ", new[] { title, detail, errors }.Where(x => !string.IsNullOrEmpty(x)));
        }
        catch (JsonException)
        {
            return body;
        }
    }
}
