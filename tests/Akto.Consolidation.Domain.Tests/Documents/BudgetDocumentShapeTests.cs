using System.Text.Json;
using System.Text.Json.Nodes;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Domain.Validation;
using Akto.Consolidation.Testing;
using Json.Schema;

namespace Akto.Consolidation.Domain.Tests.Documents;

/// <summary>
/// <see cref="BudgetDocumentShape"/> (the hand-written checker) against the JSON Schema evaluated by JsonSchema.Net
/// (<see cref="BudgetDocumentReader.SchemaFindingsBySchema"/>): same findings — rule id, location and message — on the
/// seed, on random valid documents and on thousands of mutations made from the schema's own keywords. Seeds are fixed,
/// so a failure names a reproducible case.
/// </summary>
public sealed class BudgetDocumentShapeTests(ITestOutputHelper output)
{
    public const int RandomDocuments = 300;
    public const int Mutations = 4000;

    private static readonly JsonObject Schema = JsonNode.Parse(BudgetDocumentReader.SchemaText)!.AsObject();

    /// <summary>Keywords that only name or describe (nothing to violate).</summary>
    private static readonly HashSet<string> Annotations = ["$schema", "$id", "title", "description", "$defs"];

    /// <summary>Keywords the mutator breaks (<c>$ref</c> is followed, so its targets are broken at every use).</summary>
    private static readonly HashSet<string> Mutated =
        ["$ref", "type", "additionalProperties", "required", "properties", "items", "const", "enum", "minimum", "maximum", "minLength", "maxLength", "pattern", "format", "oneOf"];

    [Fact]
    public void The_checker_and_the_mutator_know_every_keyword_the_schema_uses()
    {
        var used = new SortedSet<string>(StringComparer.Ordinal);
        KeywordsOf(Schema, used);

        Assert.Equal([], used.Where(k => !BudgetDocumentShape.Keywords.Contains(k)).ToList());
        Assert.Equal([], used.Where(k => !Mutated.Contains(k) && !Annotations.Contains(k)).ToList());
        Assert.Contains("additionalProperties", used);
    }

    [Fact]
    public void The_seed_has_no_findings_either_way()
    {
        using var seed = JsonDocument.Parse(SeedBudget.Bytes());

        Assert.Empty(BudgetDocumentReader.SchemaFindingsBySchema(seed.RootElement));
        Assert.Empty(BudgetDocumentShape.Findings(seed.RootElement));
    }

    [Fact]
    public void Random_valid_documents_have_no_findings_either_way()
    {
        var documents = ValidDocuments(RandomDocuments);

        Assert.Equal(RandomDocuments, documents.Count);
        Assert.Contains(documents, d => d.ToJsonString().Contains("payeeUnitCode", StringComparison.Ordinal));
        Assert.Contains(documents, d => d.ToJsonString().Contains("payerUnitCode", StringComparison.Ordinal));
        foreach (var json in documents)
        {
            using var document = JsonDocument.Parse(json.ToJsonString());
            Assert.Empty(BudgetDocumentReader.SchemaFindingsBySchema(document.RootElement));
            Assert.Empty(BudgetDocumentShape.Findings(document.RootElement));
        }
    }

    [Fact]
    public void Mutated_documents_get_the_same_findings_as_from_the_schema()
    {
        var bases = ValidDocuments(40);
        bases.Add(JsonNode.Parse(SeedBudget.Bytes())!);
        var random = new Random(20241129);
        var exercised = new Dictionary<string, int>(StringComparer.Ordinal);
        var differences = new List<string>();
        var invalid = 0;

        for (var i = 0; i < Mutations; i++)
        {
            var document = bases[i % 4 == 0 ? bases.Count - 1 : random.Next(bases.Count - 1)].DeepClone();
            var applied = new List<string>();
            var count = random.Next(10) < 7 ? 1 : random.Next(2, 5);
            for (var m = 0; m < count; m++)
            {
                // A keyword first, then a value it governs: every keyword gets its share, not only those of the many lines.
                var sites = Sites(document);
                var keywords = sites.SelectMany(s => KeywordsAt(Get(document, s.Path), s.Schema)).Distinct().Order(StringComparer.Ordinal).ToList();
                var chosen = keywords[random.Next(keywords.Count)];
                var candidates = sites.Where(s => KeywordsAt(Get(document, s.Path), s.Schema).Contains(chosen)).ToList();
                var (path, schema) = candidates[random.Next(candidates.Count)];
                if (Mutate(ref document, path, schema, chosen, random) is { } keyword)
                {
                    exercised[keyword] = exercised.GetValueOrDefault(keyword) + 1;
                    applied.Add($"{keyword} at /{string.Join('/', path)}");
                }
            }

            var json = document?.ToJsonString() ?? "null";
            using var parsed = JsonDocument.Parse(json);
            var expected = Set(BudgetDocumentReader.SchemaFindingsBySchema(parsed.RootElement));
            var actual = Set(BudgetDocumentShape.Findings(parsed.RootElement));
            invalid += expected.Count > 0 ? 1 : 0;
            var listed = Set(ListedFindings(parsed.RootElement));
            if ((listed.Count == 0) != (expected.Count == 0) || !expected.IsSubsetOf(listed) || listed.Except(expected).Any(f => !Unchosen(f)))
            {
                differences.Add($"mutation #{i}: the list output differs beyond unchosen oneOf alternatives: {string.Join("\n    ", listed.Except(expected))} / {string.Join("\n    ", expected.Except(listed))}");
            }

            if (!expected.SetEquals(actual))
            {
                differences.Add($"mutation #{i} ({string.Join("; ", applied)}):\n  schema only: {string.Join("\n    ", expected.Except(actual))}\n  checker only: {string.Join("\n    ", actual.Except(expected))}\n  json: {(json.Length > 400 ? json[..400] + "…" : json)}");
            }
        }

        output.WriteLine($"{Mutations} mutated documents from {bases.Count} bases, {invalid} invalid; keywords broken: {string.Join(", ", exercised.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key} {e.Value}"))}");
        Assert.True(differences.Count == 0, string.Join("\n\n", differences.Take(10)));
        Assert.Equal([], Mutated.Where(k => k != "$ref" && !exercised.ContainsKey(k)).ToList());
        Assert.True(invalid > Mutations / 2, $"only {invalid} of {Mutations} mutations were invalid");
    }

    [Fact]
    public void Reading_uses_the_checker_and_keeps_the_paths()
    {
        var node = JsonNode.Parse(SeedBudget.Bytes())!;
        node["lines"]![2]!["functionCode"] = "20801";
        node["profile"]!["x"] = 1;

        var result = BudgetDocumentReader.Read(node.ToJsonString());

        Assert.Equal(["$.lines[2].functionCode", "$.profile", "$.profile.x"], result.Findings.Select(f => f.Locations[0]).Order(StringComparer.Ordinal));
        Assert.All(result.Findings, f => Assert.Equal("S-01", f.RuleId));
    }

    [Theory]
    [InlineData("year", "2024.0")]
    [InlineData("year", "1e400")]
    [InlineData("year", "-1e400")]
    [InlineData("year", "2000.5")]
    [InlineData("year", "1999.9999999999999999999")]
    [InlineData("year", "1999.99999999999999999999999999999")]
    [InlineData("year", "2100.00000000000000000000000000001")]
    [InlineData("year", "2.1e3")]
    [InlineData("year", "2.1000000000000000000000000000000001e3")]
    [InlineData("year", "20000e-1")]
    [InlineData("year", "19999999999999999999999999e-22")]
    [InlineData("year", "1e-400")]
    [InlineData("year", "-2000")]
    [InlineData("staffing", "{\"retiredCadres\":1E+2,\"retired\":-0.000000000000000000000000000000001}")]
    [InlineData("assets", "{\"equipmentOver50\":-0.000000000000000000000000000000001,\"equipmentOver100\":-1e-400,\"plannedVehiclePurchases\":-0}")]
    [InlineData("formatVersion", "1.0")]
    [InlineData("formatVersion", "1.00000000000000000000000000000001")]
    [InlineData("formatVersion", "1e0")]
    [InlineData("formatVersion", "\"1\"")]
    [InlineData("unitCode", "\"ab\\n\"")]
    [InlineData("unitCode", "\"ab\\r\"")]
    [InlineData("unitCode", "\"\\u0041\"")]
    [InlineData("unitCode", "\"😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀\"")]
    [InlineData("unitCode", "\"😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀\"")]
    [InlineData("unitCode", "\"e\\u0301e\\u0301e\\u0301e\\u0301e\\u0301e\\u0301e\\u0301e\\u0301e\\u0301e\\u0301e\\u0301e\\u0301e\\u0301e\\u0301e\\u0301e\\u0301e\\u0301\"")]
    [InlineData("unitName", "\"\\u0301\"")]
    [InlineData("unitName", "\"\"")]
    [InlineData("currencyUnit", "\"\\u5143\"")]
    [InlineData("currencyUnit", "\"元 \"")]
    [InlineData("preparedOn", "\"2024-02-29\"")]
    [InlineData("preparedOn", "\"2023-02-29\"")]
    [InlineData("preparedOn", "\"2024-1-01\"")]
    [InlineData("preparedOn", "\"2024-01-01 \"")]
    [InlineData("preparedOn", "\"２０２４-01-01\"")]
    [InlineData("preparedOn", "\"0000-01-01\"")]
    [InlineData("staffing", "{\"retired\":1e2,\"inService\":1.0,\"actualHeadcount\":9223372036854775808}")]
    [InlineData("staffing", "{\"retired\":-0.0,\"inService\":0.1}")]
    [InlineData("profile", "{\"functions\":[\"a\",1],\"\":1,\"7\":2,\"a/b\":3,\"x~y\":4,\"数\":5}")]
    [InlineData("profile", "\"x\"")]
    [InlineData("lines", "[{}]")]
    public void Edge_values_get_the_same_findings_as_from_the_schema(string property, string value)
    {
        var node = JsonNode.Parse(SeedBudget.Bytes())!;
        node[property] = JsonNode.Parse(value);
        using var document = JsonDocument.Parse(node.ToJsonString());

        var expected = Set(BudgetDocumentReader.SchemaFindingsBySchema(document.RootElement));
        var actual = Set(BudgetDocumentShape.Findings(document.RootElement));

        output.WriteLine(string.Join("\n", expected));
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("\"unitName\":", "\"\\u0075nitName\":")]
    [InlineData("\"unitName\":", "\"unitN\\u0061me\":1,\"unitName\":")]
    [InlineData("\"year\":", "\"year\":\"x\",\"year\":")]
    [InlineData("\"year\":", "\"year\":2024,\"year\":")]
    [InlineData("\"lines\": [", "\"lines\": [{\"amount\":1,\"amount\":\"1\"},")]
    [InlineData("\"currencyUnit\":", "\"\\u6570\":1,\"currencyUnit\":")]
    public void Escaped_and_repeated_names_get_the_same_findings_as_from_the_schema(string find, string replacement)
    {
        var json = System.Text.Encoding.UTF8.GetString(SeedBudget.Bytes());
        Assert.Contains(find, json, StringComparison.Ordinal);
        var index = json.IndexOf(find, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json[..index] + replacement + json[(index + find.Length)..]);

        var expected = Set(BudgetDocumentReader.SchemaFindingsBySchema(document.RootElement));
        var actual = Set(BudgetDocumentShape.Findings(document.RootElement));

        output.WriteLine(string.Join("\n", expected));
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void One_violation_is_one_finding()
    {
        var node = JsonNode.Parse(SeedBudget.Bytes())!;
        node["year"] = 1999;
        using var document = JsonDocument.Parse(node.ToJsonString());

        var finding = Assert.Single(BudgetDocumentShape.Findings(document.RootElement));
        Assert.Equal("$.year", finding.Locations[0]);
        Assert.Equal("不符合预算文档格式 (minimum): 1999 should be at least 2000", finding.Message);
        Assert.Equal(Set(BudgetDocumentReader.SchemaFindingsBySchema(document.RootElement)), Set([finding]));
        Assert.True(Set(ListedFindings(document.RootElement)).Count > 1, "the list output also names the unchosen oneOf alternatives");
    }

    /// <summary>The schema's list output read as the reader did before the checker: every error of every node.</summary>
    private static List<Finding> ListedFindings(JsonElement root)
    {
        var results = BudgetDocumentReader.EvaluateSchema(root, OutputFormat.List);
        if (results.IsValid)
        {
            return [];
        }

        return [.. (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => new Finding(
                "S-01",
                Severity.Error,
                e.Key is "" or "false" ? "不允许的属性，预算文档格式中没有此字段 (property not allowed by the format)" : $"不符合预算文档格式 ({e.Key}): {e.Value}",
                [BudgetDocumentReader.ToJsonPath(d.InstanceLocation.ToString())])))
            .DistinctBy(f => (f.Message, f.Locations[0]))];
    }

    /// <summary>An error of the alternative a passing <c>oneOf [null, object]</c> did not choose.</summary>
    private static bool Unchosen(string finding) =>
        finding.EndsWith("but should be \"null\"", StringComparison.Ordinal) || finding.EndsWith("Value is \"null\" but should be \"object\"", StringComparison.Ordinal);

    private static HashSet<string> Set(List<Finding> findings) =>
        findings.Select(f => $"{f.RuleId} {f.Locations[0]} {f.Message}").ToHashSet(StringComparer.Ordinal);

    private static List<JsonNode> ValidDocuments(int count)
    {
        var units = new List<Domain.Documents.BudgetDocument>(count);
        for (var seed = 1; seed <= count; seed++)
        {
            var random = new Random(seed);
            units.Add(seed % 2 == 0
                ? RandomBudgets.Realistic(random, $"U{seed:0000}", "D01")
                : RandomBudgets.Create(random, $"U{seed:0000}", $"D{seed % 3}"));
        }

        // Some realistic units pay others (payeeUnitCode / payerUnitCode appear only then).
        for (var i = 1; i + 2 < units.Count; i += 10)
        {
            (units[i], units[i + 2]) = RandomBudgets.WithTransfer(units[i], units[i + 2], 12.34m);
        }

        return [.. units.Select(u => JsonSerializer.SerializeToNode(u, BudgetJson.Options)!)];
    }

    private static void KeywordsOf(JsonNode? schema, SortedSet<string> used)
    {
        if (schema is not JsonObject obj)
        {
            return;
        }

        foreach (var (keyword, value) in obj)
        {
            used.Add(keyword);
            switch (keyword)
            {
                case "properties" or "$defs":
                    foreach (var (_, sub) in value!.AsObject())
                    {
                        KeywordsOf(sub, used);
                    }

                    break;
                case "oneOf":
                    foreach (var sub in value!.AsArray())
                    {
                        KeywordsOf(sub, used);
                    }

                    break;
                case "items" or "additionalProperties":
                    KeywordsOf(value, used);
                    break;
                default:
                    break;
            }
        }
    }

    private static JsonObject Resolve(JsonObject schema) =>
        schema["$ref"] is { } reference ? Schema["$defs"]![reference.GetValue<string>()["#/$defs/".Length..]]!.AsObject() : schema;

    /// <summary>Every value of the document with the (resolved) subschema that governs it.</summary>
    private static List<(List<object> Path, JsonObject Schema)> Sites(JsonNode? document)
    {
        var sites = new List<(List<object>, JsonObject)>();
        Visit(document, Schema, [], sites);
        return sites;
    }

    private static void Visit(JsonNode? value, JsonObject schema, List<object> path, List<(List<object>, JsonObject)> sites)
    {
        schema = Resolve(schema);
        sites.Add((path, schema));
        if (schema["oneOf"] is JsonArray branches)
        {
            if (value is JsonObject)
            {
                Visit(value, branches.Select(b => b!.AsObject()).Single(b => b["type"]?.GetValue<string>() == "object"), path, sites);
            }

            return;
        }

        if (value is JsonObject obj && schema["properties"] is JsonObject properties)
        {
            foreach (var (name, child) in obj.ToList())
            {
                if (properties[name] is JsonObject sub)
                {
                    Visit(child, sub, [.. path, name], sites);
                }
            }
        }
        else if (value is JsonArray array && schema["items"] is JsonObject items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Visit(array[i], items, [.. path, i], sites);
            }
        }
    }

    private static readonly string[] Names = ["zz", "数字", "a/b", "x~y", "12", "", "amount2", "Amount"];

    private static JsonNode? AnyValue(Random random) => random.Next(11) switch
    {
        0 => "x",
        1 => JsonValue.Create(1.5m),
        2 => JsonValue.Create(7),
        3 => JsonValue.Create(true),
        4 => JsonValue.Create(false),
        5 => null,
        6 => new JsonArray(),
        7 => new JsonObject(),
        8 => JsonNode.Parse("2024.0"),
        9 => JsonValue.Create(-3),
        _ => new JsonArray("a", 1),
    };

    private static JsonNode? Pick(Random random, params string[] jsonValues) => JsonNode.Parse(jsonValues[random.Next(jsonValues.Length)]);

    /// <summary>Breaks (or, sometimes, validly changes) the value at <paramref name="path"/> by one keyword of its schema; returns that keyword.</summary>
    private static List<string> KeywordsAt(JsonNode? value, JsonObject schema)
    {
        var keywords = schema.Select(p => p.Key).Where(Mutated.Contains).ToList();
        if (value is JsonObject && schema["oneOf"] is null)
        {
            keywords.RemoveAll(k => k is "type");
        }

        if (keywords.Count == 0)
        {
            keywords.Add("type");
        }

        return keywords;
    }

    private static string? Mutate(ref JsonNode? document, List<object> path, JsonObject schema, string keyword, Random random)
    {
        var value = Get(document, path);
        switch (keyword)
        {
            case "type":
                Set(ref document, path, AnyValue(random));
                break;
            case "oneOf":
                Set(ref document, path, Pick(random, "null", "\"x\"", "{}", "{\"zz\":1}", "5", "[]", "true"));
                break;
            case "const":
                Set(ref document, path, Pick(random, "2", "\"1\"", "1.0", "1e0", "null", "0", "-1", "true"));
                break;
            case "enum":
                var options = schema["enum"]!.AsArray().Select(e => e!.GetValue<string>()).ToList();
                var chosen = options[random.Next(options.Count)];
                Set(ref document, path, random.Next(7) switch
                {
                    0 => chosen + " ",
                    1 => chosen.ToUpperInvariant(),
                    2 => "",
                    3 => JsonValue.Create(3),
                    4 => null,
                    5 => chosen,
                    _ => "zz",
                });
                break;
            case "minimum" or "maximum":
                var minimum = schema["minimum"]?.GetValue<decimal>() ?? 0m;
                var maximum = schema["maximum"]?.GetValue<decimal>() ?? minimum + 100m;
                Set(ref document, path, random.Next(11) switch
                {
                    9 => JsonNode.Parse($"{minimum - 1}.99999999999999999999999999999999"),
                    10 => JsonNode.Parse($"{maximum}.00000000000000000000000000000001"),
                    0 => JsonValue.Create(minimum - 1),
                    1 => JsonValue.Create(maximum + 1),
                    2 => JsonValue.Create(minimum - 0.5m),
                    3 => JsonNode.Parse("1e400"),
                    4 => JsonNode.Parse("-1e400"),
                    5 => JsonValue.Create(minimum),
                    6 => JsonValue.Create(maximum),
                    7 => JsonNode.Parse($"{maximum}.0"),
                    _ => JsonValue.Create(maximum + 0.25m),
                });
                break;
            case "minLength":
                Set(ref document, path, random.Next(4) switch { 0 => " ", 1 => "\u0301", _ => "" });
                break;
            case "maxLength":
                var limit = schema["maxLength"]!.GetValue<int>();
                Set(ref document, path, random.Next(7) switch
                {
                    0 => new string('a', limit + 1),
                    1 => new string('a', limit),
                    2 => string.Concat(Enumerable.Repeat("😀", (limit / 2) + 1)),
                    3 => string.Concat(Enumerable.Repeat("e\u0301", (limit / 2) + 1)),
                    4 => string.Concat(Enumerable.Repeat("😀", limit + 1)),
                    5 => string.Concat(Enumerable.Repeat("数", limit + 1)),
                    _ => new string('7', limit + random.Next(1, 40)),
                });
                break;
            case "pattern" when value is JsonValue current && current.TryGetValue<string>(out var text) && text.Length > 0 && random.Next(3) > 0:
                // Near misses of a matching value: one character fewer or more, or one replaced by a character outside the class.
                var at = random.Next(text.Length);
                Set(ref document, path, random.Next(6) switch
                {
                    0 => text[..^1],
                    1 => text + text[^1],
                    2 => text + "\n",
                    3 => "\n" + text,
                    4 => text[..at] + "٣" + text[(at + 1)..],
                    _ => text[..at] + " .a~"[random.Next(4)] + text[(at + 1)..],
                });
                break;
            case "pattern":
                Set(ref document, path, Pick(random, "\"a b\"", "\"ab\\n\"", "\"١٢٣٤٥٦٧\"", "\"12345678\"", "\"1234567\"", "\"12345\"", "\"ABC-_9\"", "\"Ａ1\"", "\"1234567\\n\"", "\"12345\\n\"", "\"\"", "\"a.b\""));
                break;
            case "format":
                Set(ref document, path, Pick(random, "\"2024-13-01\"", "\"2024-02-30\"", "\"2024-1-1\"", "\" 2024-01-01\"", "\"2023-02-29\"", "\"2024-02-29\"", "\"20240101\"", "\"2024-01-01T00:00:00Z\"", "\"0001-01-01\"", "\"2024-12-31\"", "\"2024/01/01\"", "\"x\""));
                break;
            case "required":
                if (value is JsonObject required && schema["required"]!.AsArray().Select(r => r!.GetValue<string>()).Where(required.ContainsKey).ToList() is { Count: > 0 } present)
                {
                    required.Remove(present[random.Next(present.Count)]);
                }
                else
                {
                    return null;
                }

                break;
            case "additionalProperties":
                if (value is JsonObject open)
                {
                    open[Names[random.Next(Names.Length)]] = AnyValue(random);
                }
                else
                {
                    return null;
                }

                break;
            case "properties":
                if (value is JsonObject target)
                {
                    var names = schema["properties"]!.AsObject().Select(p => p.Key).ToList();
                    var name = names[random.Next(names.Count)];
                    if (target.ContainsKey(name) && random.Next(2) == 0)
                    {
                        target.Remove(name);
                    }
                    else
                    {
                        target[name] = AnyValue(random);
                    }
                }
                else
                {
                    return null;
                }

                break;
            case "items":
                if (value is JsonArray array)
                {
                    switch (random.Next(3))
                    {
                        case 0:
                            array.Clear();
                            break;
                        case 1:
                            array.Add(AnyValue(random));
                            break;
                        default:
                            array.Add(array.Count > 0 ? array[random.Next(array.Count)]!.DeepClone() : new JsonObject());
                            break;
                    }
                }
                else
                {
                    return null;
                }

                break;
            default:
                return null;
        }

        return keyword;
    }

    private static JsonNode? Get(JsonNode? node, List<object> path)
    {
        foreach (var segment in path)
        {
            node = segment is int index ? node![index] : node![(string)segment];
        }

        return node;
    }

    private static void Set(ref JsonNode? document, List<object> path, JsonNode? value)
    {
        if (path.Count == 0)
        {
            document = value;
            return;
        }

        var parent = Get(document, path[..^1]);
        if (path[^1] is int index)
        {
            parent![index] = value;
        }
        else
        {
            parent![(string)path[^1]] = value;
        }
    }
}
