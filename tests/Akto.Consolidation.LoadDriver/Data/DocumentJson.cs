using System.Text.Json;
using System.Text.Json.Nodes;

namespace Akto.Consolidation.LoadDriver.Data;

/// <summary>Edits budget documents as JSON: scaling every money property, and summing spending independently of the domain code.</summary>
public static class DocumentJson
{
    /// <summary>Multiplies every money property (named <c>amount</c> or ending in <c>Amount</c>) by an integer: every rule keeps holding.</summary>
    public static void Scale(JsonNode? node, int factor)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (IsMoney(name) && value is JsonValue number && number.GetValueKind() == JsonValueKind.Number)
                    {
                        obj[name] = JsonValue.Create(number.GetValue<decimal>() * factor);
                    }
                    else
                    {
                        Scale(value, factor);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Scale(item, factor);
                }

                break;
        }
    }

    /// <summary>The lines of a document in 万元, read with System.Text.Json alone (not with the domain code the silo uses).</summary>
    public static IReadOnlyList<LineItem> Lines(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        var divisor = root.TryGetProperty("currencyUnit", out var unit) && unit.GetString() == "元" ? 10_000m : 1m;
        return [.. root.GetProperty("lines").EnumerateArray().Select(line => new LineItem(
            line.GetProperty("functionCode").GetString()!,
            line.GetProperty("economicCode").GetString()!,
            line.GetProperty("category").GetString()!,
            line.GetProperty("fundSource").GetString()!,
            line.GetProperty("amount").GetDecimal() / divisor,
            line.TryGetProperty("payeeUnitCode", out var payee) && payee.ValueKind == JsonValueKind.String ? payee.GetString() : null))];
    }

    private static bool IsMoney(string name) => name == "amount" || name.EndsWith("Amount", StringComparison.Ordinal);
}
