using System.Text;
using System.Text.Json;
using Akto.Consolidation.Domain.Validation;
using Json.Schema;

namespace Akto.Consolidation.Domain.Documents;

/// <summary>The outcome of reading a budget document's JSON.</summary>
/// <param name="Document">The document, when the JSON could be bound to the model.</param>
/// <param name="Findings">Syntax and schema findings (rule ids <c>S-00</c> to <c>S-02</c>).</param>
/// <param name="Unreadable">True when the text is not JSON at all (CLI exit code 2).</param>
public sealed record BudgetReadResult(BudgetDocument? Document, IReadOnlyList<Finding> Findings, bool Unreadable);

/// <summary>
/// Reads budget-document JSON: syntax, then the JSON Schema's shape (every violation, with its path; checked by
/// <see cref="BudgetDocumentShape"/>, the schema's fast equivalent), then binding.
/// </summary>
public static class BudgetDocumentReader
{
    /// <summary>Documents larger than this are refused before parsing.</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    private static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        using var stream = typeof(BudgetDocumentReader).Assembly.GetManifestResourceStream("schema/budget-document.schema.json")
            ?? throw new InvalidOperationException("budget-document.schema.json is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return JsonSchema.FromText(reader.ReadToEnd());
    });

    /// <summary>The JSON Schema of the format (docs/budget-document.schema.json).</summary>
    public static string SchemaText
    {
        get
        {
            using var stream = typeof(BudgetDocumentReader).Assembly.GetManifestResourceStream("schema/budget-document.schema.json")!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return reader.ReadToEnd();
        }
    }

    public static BudgetReadResult Read(string json) => Read(Encoding.UTF8.GetBytes(json));

    public static BudgetReadResult Read(ReadOnlyMemory<byte> utf8)
    {
        if (utf8.Length > MaxBytes)
        {
            return new(null, [new Finding("S-00", Severity.Error, $"文件超过 {MaxBytes / 1024 / 1024} MiB 上限", ["$"])], true);
        }

        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(utf8, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 });
        }
        catch (JsonException exception)
        {
            var line = (exception.LineNumber ?? 0) + 1;
            var column = (exception.BytePositionInLine ?? 0) + 1;
            return new(null, [new Finding("S-00", Severity.Error, $"JSON 语法错误，第 {line} 行第 {column} 列: {FirstSentence(exception.Message)}", [$"line {line}, column {column}"])], true);
        }

        using (parsed)
        {
            var findings = BudgetDocumentShape.Findings(parsed.RootElement);
            if (parsed.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new(null, findings, false);
            }

            try
            {
                var document = parsed.RootElement.Deserialize<BudgetDocument>(BudgetJson.Options);
                return new(document, findings, false);
            }
            catch (Exception exception) when (exception is JsonException or FormatException or InvalidOperationException or NotSupportedException)
            {
                if (findings.Count == 0)
                {
                    var path = exception is JsonException { Path: { } p } ? p : "$";
                    findings = [new Finding("S-02", Severity.Error, $"无法读取预算文档: {FirstSentence(exception.Message)}", [path])];
                }

                return new(null, findings, false);
            }
        }
    }

    /// <summary>
    /// The schema's findings by JsonSchema.Net evaluation: the oracle <see cref="BudgetDocumentShape"/> is tested against
    /// (too slow for every submission). Errors are taken from the hierarchical output, and only from subschemas whose
    /// every enclosing subschema failed too: the alternative a passing <c>oneOf</c> did not choose (the <c>null</c> branch
    /// of a present <c>profile</c>, say) is not a violation of the document. (The reader used to take every error of the
    /// list output, so one wrong <c>year</c> in the seed also gave 25 "should be null" findings at every present
    /// <c>profile</c>, <c>subsidy</c>, <c>performance</c> …; the tests check that this is the only difference.)
    /// </summary>
    public static List<Finding> SchemaFindingsBySchema(JsonElement root)
    {
        var results = EvaluateSchema(root, OutputFormat.Hierarchical);
        if (results.IsValid)
        {
            return [];
        }

        var findings = new List<Finding>();
        Collect(results, findings);
        return [.. findings.DistinctBy(f => (f.Message, f.Locations[0]))];
    }

    /// <summary>The JSON Schema evaluation itself (the tests also read its list output).</summary>
    internal static EvaluationResults EvaluateSchema(JsonElement root, OutputFormat format) =>
        Schema.Value.Evaluate(root, new EvaluationOptions { OutputFormat = format, RequireFormatValidation = true });

    private static void Collect(EvaluationResults results, List<Finding> findings)
    {
        if (results.IsValid)
        {
            return;
        }

        if (results.Errors is { Count: > 0 } errors)
        {
            var path = ToJsonPath(results.InstanceLocation.ToString());
            foreach (var (keyword, message) in errors)
            {
                var text = keyword is "" or "false"
                    ? "不允许的属性，预算文档格式中没有此字段 (property not allowed by the format)"
                    : $"不符合预算文档格式 ({keyword}): {message}";
                findings.Add(new Finding("S-01", Severity.Error, text, [path]));
            }
        }

        foreach (var detail in results.Details ?? [])
        {
            Collect(detail, findings);
        }
    }

    /// <summary>"/lines/3/amount" → "$.lines[3].amount".</summary>
    internal static string ToJsonPath(string pointer)
    {
        var builder = new StringBuilder("$");
        foreach (var segment in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var token = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            builder.Append(token.All(char.IsAsciiDigit) ? $"[{token}]" : $".{token}");
        }

        return builder.ToString();
    }

    private static string FirstSentence(string message)
    {
        foreach (var marker in new[] { " Path:", " LineNumber:" })
        {
            var end = message.IndexOf(marker, StringComparison.Ordinal);
            if (end > 0)
            {
                message = message[..end];
            }
        }

        return message.TrimEnd();
    }
}
