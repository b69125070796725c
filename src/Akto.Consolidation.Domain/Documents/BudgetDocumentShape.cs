using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Akto.Consolidation.Domain.Validation;

namespace Akto.Consolidation.Domain.Documents;

/// <summary>
/// The fast equivalent of the JSON Schema <c>docs/budget-document.schema.json</c>: a hand-written description of the same
/// shape (<see cref="Document"/> below mirrors the schema property by property) checked by one walk over the
/// <see cref="JsonElement"/> tree, with no JSON Schema evaluation. <see cref="BudgetDocumentReader.Read(ReadOnlyMemory{byte})"/>
/// uses it; the schema stays the published contract and <see cref="BudgetDocumentReader.SchemaFindingsBySchema"/> keeps
/// the evaluation by JsonSchema.Net as the oracle.
/// </summary>
/// <remarks>
/// <para>
/// Equivalence is tested in <c>tests/Akto.Consolidation.Domain.Tests/Documents/BudgetDocumentShapeTests.cs</c>: the seed,
/// hundreds of random valid documents and thousands of mutations of them (generated from the schema's own keywords: a
/// required property removed, an unknown property added, every value type swapped, out-of-range, wrong-pattern,
/// wrong-enum, wrong-date, too short and too long values) must give the same findings as the schema: the same rule id,
/// the same locations and the same messages. A test fails when the schema uses a keyword this class does not know.
/// </para>
/// <para>
/// Findings are those of the schema's evaluation as <see cref="BudgetDocumentReader.SchemaFindingsBySchema"/> turns them
/// into findings: <c>S-01</c>, one per violated keyword and location, the message being the library's English message
/// behind the project's Chinese prefix (an unknown property has the Chinese message alone). Where the standard leaves
/// room, JsonSchema.Net 8 is followed and the tests pin it:
/// </para>
/// <list type="bullet">
/// <item><c>pattern</c> is an ECMAScript .NET regular expression, so <c>$</c> also matches before a final line feed;</item>
/// <item><c>minLength</c>/<c>maxLength</c> count text elements (<see cref="StringInfo.LengthInTextElements"/>);</item>
/// <item>a number satisfies <c>type: integer</c> when its <see cref="double"/> value is whole (2024.0, 1e400), while the
/// messages name a number <c>integer</c> only when it fits a 64-bit integer;</item>
/// <item><c>minimum</c>/<c>maximum</c> compare exactly, as the decimal number the text denotes; amounts are only
/// type-checked here, never converted;</item>
/// <item><c>format: date</c> is <c>yyyy-MM-dd</c> of the invariant calendar;</item>
/// <item>of two properties of the same name only the first is checked;</item>
/// <item>a failed <c>oneOf [null, object]</c> reports the errors of both alternatives; the alternative a passing
/// <c>oneOf</c> did not choose reports nothing.</item>
/// </list>
/// </remarks>
public static class BudgetDocumentShape
{
    private const string NotAllowed = "不允许的属性，预算文档格式中没有此字段 (property not allowed by the format)";

    private static readonly Regex Code = new("^[0-9A-Za-z_-]+$", RegexOptions.ECMAScript | RegexOptions.Compiled);
    private static readonly Regex Digits7 = new("^\\d{7}$", RegexOptions.ECMAScript | RegexOptions.Compiled);
    private static readonly Regex Digits5 = new("^\\d{5}$", RegexOptions.ECMAScript | RegexOptions.Compiled);

    /// <summary>The schema's keywords this checker implements (the tests compare them with the schema text).</summary>
    public static IReadOnlySet<string> Keywords { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "$schema", "$id", "title", "description", "$defs", "$ref", "type", "additionalProperties", "required", "properties",
        "items", "const", "enum", "minimum", "maximum", "minLength", "maxLength", "pattern", "format", "oneOf",
    };

    /// <summary>Every schema violation of <paramref name="root"/>, as <c>S-01</c> findings; empty when the document has the schema's shape.</summary>
    public static List<Finding> Findings(JsonElement root)
    {
        var walk = new Walk();
        walk.Check(Document, root);
        return walk.Findings is null ? [] : [.. walk.Findings.DistinctBy(f => (f.Message, f.Locations[0]))];
    }

    /// <summary>JSON Schema types as flags, in the order the schema library prints them ("string, null").</summary>
    [Flags]
    private enum Types
    {
        None = 0,
        Object = 1,
        Array = 2,
        Boolean = 4,
        String = 8,
        Number = 16,
        Integer = 32,
        Null = 64,
    }

    private sealed class Shape
    {
        public Types Type { get; init; }
        public Regex? Pattern { get; init; }
        public int MinLength { get; init; }
        public int MaxLength { get; init; } = int.MaxValue;
        public bool Date { get; init; }
        public int? Minimum { get; init; }
        public int? Maximum { get; init; }
        public byte[][]? Enum { get; init; }
        public long? Const { get; init; }
        public Shape? Items { get; init; }
        public string[] Required { get; init; } = [];

        /// <summary>The declared properties; <see cref="Index"/> finds one by name (also from a span of its characters).</summary>
        public (string Name, Shape Shape)[]? Properties { get; init; }
        public Dictionary<string, int>? Index { get; init; }
        public Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Lookup { get; init; }

        /// <summary>Bit i set: <c>Properties[i]</c> is required (objects here have fewer than 64 properties).</summary>
        public ulong RequiredMask { get; init; }

        /// <summary><c>oneOf: [{type: null}, Alternative]</c>.</summary>
        public Shape? OrNull { get; init; }
    }

    private static Shape Of(Types type) => new() { Type = type };

    private static Shape Str(int minLength = 0, int maxLength = int.MaxValue, Regex? pattern = null) =>
        new() { Type = Types.String, MinLength = minLength, MaxLength = maxLength, Pattern = pattern };

    private static Shape Enum(params string[] values) => new() { Enum = [.. values.Select(Encoding.UTF8.GetBytes)] };

    private static Shape ArrayOf(Shape items) => new() { Type = Types.Array, Items = items };

    private static Shape Object(string[] required, params (string Name, Shape Shape)[] properties)
    {
        var index = properties.Select((p, i) => (p.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        return new()
        {
            Type = Types.Object,
            Required = required,
            Properties = properties,
            Index = index,
            Lookup = index.GetAlternateLookup<ReadOnlySpan<char>>(),
            RequiredMask = required.Aggregate(0UL, (mask, name) => mask | (1UL << index[name])),
        };
    }

    private static Shape NullOr(Shape alternative) => new() { OrNull = alternative };

    private static readonly Shape Number = Of(Types.Number);
    private static readonly Shape Integer = Of(Types.Integer);
    private static readonly Shape NonNegative = new() { Type = Types.Integer, Minimum = 0 };
    private static readonly Shape Text = Of(Types.String);
    private static readonly Shape TextOrNull = Of(Types.String | Types.Null);
    private static readonly Shape DateOrNull = new() { Type = Types.String | Types.Null, Date = true };
    private static readonly Shape UnitCode = Str(1, 32, Code);

    private static readonly Shape FundSource = Enum(
        "generalBudget", "generalBudgetTransfer", "governmentFund", "governmentFundTransfer", "stateCapital",
        "stateCapitalTransfer", "fiscalSpecialAccount", "unitBusinessIncome", "unitSuperiorSubsidy",
        "unitSubordinateRemittance", "unitOperatingIncome", "unitOtherIncome", "carryOverGeneralBudget",
        "carryOverGovernmentFund", "carryOverStateCapital", "nonFiscalCarryOverSpecialAccount", "nonFiscalCarryOverUnitFunds");

    private static readonly Shape IncomeLine = Object(["source", "amount"],
        ("source", FundSource), ("amount", Number), ("payerUnitCode", UnitCode));

    private static readonly Shape Indicator = Object(["level1", "level2", "level3", "value"],
        ("level1", Text), ("level2", Text), ("level3", Text), ("value", Text), ("basis", TextOrNull),
        ("priorValue", TextOrNull), ("weight", Of(Types.Number | Types.Null)), ("scoringRule", TextOrNull),
        ("evidence", TextOrNull),
        ("target", Object(["operator", "value"], ("operator", Enum("=", ">=", "<=", ">", "<")), ("value", Number), ("unit", TextOrNull))),
        ("measures", Enum("none", "recipients", "budgetAmount", "personnelControlAmount", "publicControlAmount", "projectControlAmount", "inServiceHeadcount", "retiredHeadcount")));

    private static readonly Shape ThreePublic = Object(["item", "budgetType", "amount"],
        ("item", Enum("outboundTravel", "reception", "vehiclePurchase", "vehicleOperation")),
        ("budgetType", Enum("generalBudget", "governmentFund", "stateCapital")),
        ("amount", Number));

    private static readonly Shape Line = Object(["functionCode", "category", "economicCode", "fundSource", "amount"],
        ("functionCode", Str(pattern: Digits7)), ("category", Enum("basic", "project")), ("economicCode", Str(pattern: Digits5)),
        ("fundSource", FundSource), ("projectCode", TextOrNull), ("amount", Number), ("derived", Of(Types.Boolean)),
        ("payeeUnitCode", UnitCode));

    private static readonly Shape Project = Object(["code", "name", "kind", "amount"],
        ("code", Str(1)), ("name", Str(1)), ("kind", Enum("current", "unitFunds", "carryOver")), ("policyBasis", TextOrNull),
        ("amount", Number), ("undertaker", TextOrNull), ("allocation", TextOrNull), ("startsOn", DateOrNull),
        ("endsOn", DateOrNull), ("purpose", TextOrNull),
        ("subsidy", NullOr(Object([],
            ("fundingNote", TextOrNull), ("recipients", new Shape { Type = Types.Integer | Types.Null, Minimum = 0 }),
            ("standard", TextOrNull), ("scope", TextOrNull), ("method", TextOrNull), ("procedure", TextOrNull),
            ("beneficiaries", TextOrNull)))),
        ("performance", NullOr(Object([],
            ("manager", TextOrNull), ("annualBudgetAmount", Number), ("fiscalAmount", Number), ("otherAmount", Number),
            ("goal", TextOrNull), ("indicators", ArrayOf(Indicator))))));

    private static readonly Shape Document = Object(
        ["formatVersion", "year", "unitCode", "unitName", "departmentCode", "income", "lines"],
        ("$schema", Text),
        ("formatVersion", new Shape { Const = 1 }),
        ("year", new Shape { Type = Types.Integer, Minimum = 2000, Maximum = 2100 }),
        ("unitCode", UnitCode),
        ("unitName", Str(1)),
        ("departmentCode", UnitCode),
        ("currencyUnit", Enum("万元", "元")),
        ("preparedOn", DateOrNull),
        ("profile", NullOr(Object([], ("functions", ArrayOf(Text)), ("internalDivisions", ArrayOf(Text)), ("subordinateUnits", ArrayOf(Text))))),
        ("staffing", NullOr(Object([],
            ("authorizedPosts", Integer), ("actualHeadcount", Integer), ("inService", Integer), ("inServiceChange", Integer),
            ("retired", Integer), ("retiredChange", Integer), ("retiredCadres", Integer), ("retiredCadresChange", Integer)))),
        ("income", ArrayOf(IncomeLine)),
        ("lines", ArrayOf(Line)),
        ("projects", ArrayOf(Project)),
        ("threePublicExpenses", ArrayOf(ThreePublic)),
        ("officeOperatingAmount", Of(Types.Number | Types.Null)),
        ("procurement", NullOr(Object([],
            ("goodsAmount", Number), ("worksAmount", Number), ("servicesAmount", Number), ("smeReservedAmount", Number),
            ("smallMicroReservedAmount", Number), ("smeEligibleGoodsAmount", Of(Types.Number | Types.Null)),
            ("smeEligibleWorksAmount", Of(Types.Number | Types.Null)), ("smeEligibleServicesAmount", Of(Types.Number | Types.Null))))),
        ("assets", NullOr(Object([],
            ("asOf", DateOrNull), ("buildingArea", Number), ("buildingValueAmount", Number),
            ("vehicles", ArrayOf(Object(["kind", "count"], ("kind", Text), ("count", NonNegative), ("valueAmount", Number)))),
            ("vehicleCount", new Shape { Type = Types.Integer | Types.Null, Minimum = 0 }), ("vehicleValueAmount", Of(Types.Number | Types.Null)),
            ("furnitureValueAmount", Number), ("otherAssetsValueAmount", Number), ("equipmentOver50", NonNegative),
            ("equipmentOver100", NonNegative), ("plannedVehiclePurchases", NonNegative), ("plannedEquipmentOver50", NonNegative),
            ("plannedEquipmentOver100", NonNegative)))),
        ("unitPerformance", NullOr(Object([],
            ("contact", TextOrNull), ("phone", TextOrNull), ("goal", TextOrNull), ("superiorFundsAmount", Number),
            ("localFundsAmount", Number), ("otherFundsAmount", Number), ("indicators", ArrayOf(Indicator))))),
        ("priorYear", NullOr(Object([],
            ("income", ArrayOf(IncomeLine)), ("basicAmount", Number), ("projectAmount", Number),
            ("generalBudgetBasicAmount", Number), ("generalBudgetProjectAmount", Number),
            ("generalBudgetByFunction", ArrayOf(Object(["functionCode", "amount"], ("functionCode", Str(pattern: Digits7)), ("amount", Number)))),
            ("threePublicExpenses", ArrayOf(ThreePublic)), ("officeOperatingAmount", Of(Types.Number | Types.Null))))),
        ("explanations", ArrayOf(Object(["subject", "kind", "text"],
            ("subject", Str(1)), ("kind", Enum("reason", "purpose")), ("text", Text)))),
        ("derivations", ArrayOf(Object(["subject", "method"], ("subject", Text), ("method", Text)))));

    /// <summary>One walk: the current location as a stack of segments (formatted only when a finding is made).</summary>
    private sealed class Walk
    {
        private readonly List<(string? Name, int Index)> _path = new(16);

        public List<Finding>? Findings { get; private set; }

        public int Count => Findings?.Count ?? 0;

        public void Check(Shape shape, JsonElement value)
        {
            if (shape.OrNull is { } alternative)
            {
                if (value.ValueKind == JsonValueKind.Null)
                {
                    return;
                }

                var before = Count;
                Check(alternative, value);
                if (Count > before)
                {
                    Fail("type", $"Value is \"{Name(TypeOf(value))}\" but should be \"null\"");
                }

                return;
            }

            var type = TypeOf(value);
            if (shape.Type != Types.None && !HasType(shape.Type, type, value))
            {
                Fail("type", $"Value is \"{Name(type)}\" but should be \"{Name(shape.Type)}\"");
            }

            if (shape.Const is { } constant && !(type is Types.Integer or Types.Number && NumberOf(value) == constant))
            {
                Fail("const", $"Expected \"{constant.ToString(CultureInfo.InvariantCulture)}\"");
            }

            if (shape.Enum is { } values && !(value.ValueKind == JsonValueKind.String && values.Any(v => value.ValueEquals(v))))
            {
                Fail("enum", "Value should match one of the values specified by the enum");
            }

            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    CheckString(shape, value);
                    break;
                case JsonValueKind.Number:
                    CheckNumber(shape, value);
                    break;
                case JsonValueKind.Object when shape.Properties is not null:
                    CheckObject(shape, value);
                    break;
                case JsonValueKind.Array when shape.Items is not null:
                    var index = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        _path.Add((null, index++));
                        Check(shape.Items, item);
                        _path.RemoveAt(_path.Count - 1);
                    }

                    break;
                default:
                    break;
            }
        }

        private void CheckString(Shape shape, JsonElement value)
        {
            if (shape.MinLength == 0 && shape.MaxLength == int.MaxValue && shape.Pattern is null && !shape.Date)
            {
                return;
            }

            var text = value.GetString()!;
            var length = shape.MinLength == 0 && shape.MaxLength == int.MaxValue ? 0 : LengthOf(text);
            if (length < shape.MinLength)
            {
                Fail("minLength", $"Value should be at least {shape.MinLength} characters");
            }

            if (length > shape.MaxLength)
            {
                Fail("maxLength", $"Value should be at most {shape.MaxLength} characters");
            }

            if (shape.Pattern is { } pattern && !pattern.IsMatch(text))
            {
                Fail("pattern", "The string value is not a match for the indicated regular expression");
            }

            if (shape.Date && !DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                Fail("format", "Value does not match format \"date\"");
            }
        }

        private void CheckNumber(Shape shape, JsonElement value)
        {
            if (shape.Minimum is { } minimum && Compare(value, minimum) < 0)
            {
                Fail("minimum", $"{value.GetRawText()} should be at least {minimum.ToString(CultureInfo.InvariantCulture)}");
            }

            if (shape.Maximum is { } maximum && Compare(value, maximum) > 0)
            {
                Fail("maximum", $"{value.GetRawText()} should be at most {maximum.ToString(CultureInfo.InvariantCulture)}");
            }
        }

        private void CheckObject(Shape shape, JsonElement value)
        {
            var seen = 0UL;
            foreach (var property in value.EnumerateObject())
            {
                var index = IndexOf(shape, property);
                if (index >= 0 && (seen & (1UL << index)) != 0)
                {
                    // A repeated name: the schema library checks the first occurrence only.
                    continue;
                }

                if (index >= 0)
                {
                    var (name, child) = shape.Properties![index];
                    seen |= 1UL << index;
                    _path.Add((name, 0));
                    Check(child, property.Value);
                }
                else
                {
                    _path.Add((property.Name, 0));
                    Fail("", NotAllowed);
                }

                _path.RemoveAt(_path.Count - 1);
            }

            if ((seen & shape.RequiredMask) != shape.RequiredMask)
            {
                var missing = shape.Required.Where(name => (seen & (1UL << shape.Index![name])) == 0).Select(name => $"\"{name}\"");
                Fail("required", $"Required properties [{string.Join(',', missing)}] are not present");
            }
        }

        /// <summary>The declared property <paramref name="property"/> is, or -1; an ASCII name is looked up without allocating.</summary>
        private static int IndexOf(Shape shape, JsonProperty property)
        {
            var raw = JsonMarshal.GetRawUtf8PropertyName(property);
            if (raw.Length <= 64 && Ascii.IsValid(raw) && raw.IndexOf((byte)'\\') < 0)
            {
                Span<char> name = stackalloc char[raw.Length];
                Ascii.ToUtf16(raw, name, out _);
                return shape.Lookup.TryGetValue(name, out var found) ? found : -1;
            }

            return shape.Index!.TryGetValue(property.Name, out var index) ? index : -1;
        }

        private void Fail(string keyword, string message)
        {
            var text = keyword.Length == 0 ? message : $"不符合预算文档格式 ({keyword}): {message}";
            (Findings ??= []).Add(new Finding("S-01", Severity.Error, text, [Location()]));
        }

        /// <summary>The location as <see cref="BudgetDocumentReader.ToJsonPath"/> writes a JSON Pointer.</summary>
        private string Location()
        {
            var builder = new StringBuilder("$");
            foreach (var (name, index) in _path)
            {
                if (name is null)
                {
                    builder.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
                }
                else if (name.Length == 0)
                {
                    continue;
                }
                else if (name.All(char.IsAsciiDigit))
                {
                    builder.Append('[').Append(name).Append(']');
                }
                else
                {
                    builder.Append('.').Append(name);
                }
            }

            return builder.ToString();
        }
    }

    private static Types TypeOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => Types.Object,
        JsonValueKind.Array => Types.Array,
        JsonValueKind.String => Types.String,
        JsonValueKind.Number => value.TryGetInt64(out _) ? Types.Integer : Types.Number,
        JsonValueKind.True or JsonValueKind.False => Types.Boolean,
        _ => Types.Null,
    };

    /// <summary>The number as a <see cref="double"/>, ±∞ beyond its range (as the schema library reads it).</summary>
    private static double NumberOf(JsonElement value) =>
        value.TryGetDouble(out var number) ? number : double.Parse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>
    /// Whether <paramref name="value"/> of <paramref name="type"/> is one of <paramref name="allowed"/>. A number is named
    /// <c>integer</c> when it fits a 64-bit integer (that is what the messages say), but any whole number (2024.0, 1e400)
    /// satisfies <c>integer</c> and every integer satisfies <c>number</c>, as in JsonSchema.Net.
    /// </summary>
    private static bool HasType(Types allowed, Types type, JsonElement value) =>
        (allowed & type) != 0
        || (type == Types.Integer && (allowed & Types.Number) != 0)
        || (type == Types.Number && (allowed & Types.Integer) != 0 && IsWhole(NumberOf(value)));

    /// <summary>A number against an integer limit, exactly (2100.00000000000000000000000000001 is above 2100; 1e400 too).</summary>
    private static int Compare(JsonElement value, int limit) =>
        value.TryGetInt64(out var whole) ? whole.CompareTo(limit) : CompareExactly(value.GetRawText(), limit);

    /// <summary>Compares JSON number text (<c>-12.5e3</c>) with <paramref name="limit"/> as the decimal numbers they denote.</summary>
    private static int CompareExactly(string number, int limit)
    {
        var negative = number.StartsWith('-');
        var body = negative ? number[1..] : number;
        var e = body.IndexOfAny(['e', 'E']);
        var exponent = 0L;
        if (e >= 0)
        {
            // An exponent too long for a long is far beyond any limit either way.
            exponent = long.TryParse(body[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : body[e + 1] == '-' ? -1_000_000 : 1_000_000;
            body = body[..e];
        }

        var point = body.IndexOf('.');
        var digits = point < 0 ? body : string.Concat(body.AsSpan(0, point), body.AsSpan(point + 1));
        var scale = exponent - (point < 0 ? 0 : body.Length - point - 1);
        var mantissa = BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        if (mantissa.IsZero)
        {
            return 0.CompareTo(limit);
        }

        // |value| = mantissa × 10^scale; beyond 10^12 or below 10^-1 (with a nonzero limit) the sign decides.
        var magnitude = digits.TrimStart('0').Length + scale;
        if (magnitude > 12)
        {
            return negative ? -1 : 1;
        }

        if (magnitude < 0 && limit != 0)
        {
            return 0.CompareTo(limit);
        }

        if (magnitude < 0)
        {
            return negative ? -1 : 1;
        }

        var left = negative ? -mantissa : mantissa;
        var right = new BigInteger(limit);
        if (scale >= 0)
        {
            left *= BigInteger.Pow(10, (int)scale);
        }
        else
        {
            right *= BigInteger.Pow(10, (int)-scale);
        }

        return left.CompareTo(right);
    }

    private static bool IsWhole(double number) => number == Math.Floor(number);

    /// <summary>String length as the schema library counts it: text elements (one emoji, one accented letter = 1).</summary>
    private static int LengthOf(string text) => Ascii.IsValid(text) ? text.Length : new StringInfo(text).LengthInTextElements;

    private static string Name(Types types) => types.ToString().ToLowerInvariant();
}
