using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Akto.Consolidation.Client.Commands;

/// <summary>How one file's submission ended.</summary>
internal enum SubmitResultKind
{
    /// <summary>接受 (or the remembered result of the same file, submitted before).</summary>
    Accepted,

    /// <summary>审核不通过: errors, locally or on the server; nothing changed there.</summary>
    Rejected,

    /// <summary>拒绝 / 版本冲突: the workflow state or another version stands in the way (409).</summary>
    Refused,

    /// <summary>The server could not be reached or kept failing after every retry, or refused the key.</summary>
    Failed,
}

/// <summary>One finding as the API lists it (规则, 级别, 位置, 说明).</summary>
internal sealed record FindingRow(string RuleId, string Severity, string Location, string Message);

/// <summary>The outcome of submitting one file.</summary>
internal sealed record SubmitResult(string File, string UnitCode, SubmitResultKind Kind, int? Version, int Retries, IReadOnlyList<FindingRow> Findings, string? Message);

/// <summary>
/// 提交预算 over HTTP: <c>PUT …/units/{unit}/budget</c> with an <c>Idempotency-Key</c> derived from the year, the unit
/// and the file's bytes, so a retried or re-run submission of the same file gets the server's remembered first result
/// instead of a new version. Transient failures (connection errors, timeouts, 408, 429, 5xx) are retried with
/// exponential backoff; every retry carries the same key, so it is safe.
/// </summary>
internal sealed class BudgetSubmitter(HttpClient client, int maxAttempts = 5, TimeSpan? firstDelay = null)
{
    private readonly TimeSpan _firstDelay = firstDelay ?? TimeSpan.FromMilliseconds(250);

    /// <summary>Raised before each retry (for the progress display).</summary>
    public event Action? Retrying;

    /// <summary>The idempotency key of a file: the same bytes for the same unit and year give the same key.</summary>
    public static string IdempotencyKey(int year, string unitCode, ReadOnlySpan<byte> bytes)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"akto-submit/{year}/{unitCode}\n"));
        hash.AppendData(bytes);
        return "akto-" + Convert.ToHexStringLower(hash.GetHashAndReset())[..40];
    }

    public async Task<SubmitResult> SubmitAsync(string file, int year, string unitCode, byte[] bytes, CancellationToken cancellationToken)
    {
        var key = IdempotencyKey(year, unitCode, bytes);
        var retries = 0;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Put, ApiCalls.UnitPath(year, unitCode, "budget")) { Content = new ByteArrayContent(bytes) };
                request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                request.Headers.Add("Idempotency-Key", key);
                using var response = await client.SendAsync(request, cancellationToken);
                if (!IsTransient(response.StatusCode) || attempt >= maxAttempts)
                {
                    return await ReadAsync(file, unitCode, response, retries, cancellationToken);
                }
            }
            catch (Exception exception) when (ServerConnection.IsUnreachable(exception, cancellationToken))
            {
                if (attempt >= maxAttempts)
                {
                    return new SubmitResult(file, unitCode, SubmitResultKind.Failed, null, retries, [], exception is TaskCanceledException ? "超时 (timed out)" : exception.Message);
                }
            }

            retries++;
            Retrying?.Invoke();
            var delay = _firstDelay * Math.Pow(2, attempt - 1);
            await Task.Delay(delay + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 100)), cancellationToken);
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static async Task<SubmitResult> ReadAsync(string file, string unitCode, HttpResponseMessage response, int retries, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            using var accepted = JsonDocument.Parse(text);
            var version = accepted.RootElement.TryGetProperty("version", out var v) ? v.GetInt32() : (int?)null;
            return new SubmitResult(file, unitCode, SubmitResultKind.Accepted, version, retries, Findings(accepted.RootElement, "warnings"), null);
        }

        var kind = response.StatusCode switch
        {
            HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge => SubmitResultKind.Rejected,
            HttpStatusCode.Conflict => SubmitResultKind.Refused,
            _ => SubmitResultKind.Failed,
        };
        IReadOnlyList<FindingRow> findings = [];
        try
        {
            using var problem = JsonDocument.Parse(text);
            findings = Findings(problem.RootElement, "findings");
        }
        catch (JsonException)
        {
        }

        return new SubmitResult(file, unitCode, kind, null, retries, findings, $"{(int)response.StatusCode} {ProblemText.Describe(text)}");
    }

    private static IReadOnlyList<FindingRow> Findings(JsonElement root, string property)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(property, out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return [.. list.EnumerateArray().Select(f => new FindingRow(
            Text(f, "ruleId"),
            Text(f, "severity"),
            f.TryGetProperty("locations", out var l) && l.ValueKind == JsonValueKind.Array ? string.Join("; ", l.EnumerateArray().Select(x => x.GetString())) : "",
            Text(f, "message")))];
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}
