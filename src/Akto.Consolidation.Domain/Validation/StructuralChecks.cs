using System.Text.Json;
using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Documents;

namespace Akto.Consolidation.Domain.Validation;

/// <summary>Structural checks: codes, signs, precision and uniqueness, located by JSON path.</summary>
public static partial class DocumentChecks
{
    private static IEnumerable<CheckViolation> CurrencyUnitKnown(ValidationContext c)
    {
        if (CurrencyUnit.MaxDecimals(c.Document.CurrencyUnit) is null)
        {
            yield return new CheckViolation($"金额单位“{c.Document.CurrencyUnit}”无效，应为“万元”或“元”", ["$.currencyUnit"]);
        }
    }

    private static IEnumerable<CheckViolation> FunctionCodesKnown(ValidationContext c)
    {
        for (var i = 0; i < c.Document.Lines.Count; i++)
        {
            var code = c.Document.Lines[i].FunctionCode;
            if (c.Catalog.Find(ClassificationTree.Function, code) is not { } entry)
            {
                yield return new CheckViolation($"功能分类科目 {code} 不存在于 {c.Catalog.Year} 年科目目录", [$"$.lines[{i}].functionCode"]);
            }
            else if (entry.Level != ClassificationLevel.Item)
            {
                yield return new CheckViolation($"功能分类科目 {code} {entry.Name} 不是项级科目，金额只能列到项", [$"$.lines[{i}].functionCode"]);
            }
        }

        if (c.Document.PriorYear is { } prior)
        {
            for (var i = 0; i < prior.GeneralBudgetByFunction.Count; i++)
            {
                var code = prior.GeneralBudgetByFunction[i].FunctionCode;
                if (c.Catalog.Find(ClassificationTree.Function, code) is null)
                {
                    yield return new CheckViolation($"功能分类科目 {code} 不存在于 {c.Catalog.Year} 年科目目录", [$"$.priorYear.generalBudgetByFunction[{i}].functionCode"]);
                }
            }
        }
    }

    private static IEnumerable<CheckViolation> EconomicCodesKnown(ValidationContext c)
    {
        for (var i = 0; i < c.Document.Lines.Count; i++)
        {
            var code = c.Document.Lines[i].EconomicCode;
            if (c.Catalog.Find(ClassificationTree.Economic, code) is not { } entry)
            {
                yield return new CheckViolation($"经济分类科目 {code} 不存在于 {c.Catalog.Year} 年科目目录", [$"$.lines[{i}].economicCode"]);
            }
            else if (entry.Level != ClassificationLevel.Section)
            {
                yield return new CheckViolation($"经济分类科目 {code} {entry.Name} 不是款级科目，金额只能列到款", [$"$.lines[{i}].economicCode"]);
            }
        }
    }

    private static IEnumerable<CheckViolation> AmountsNotNegative(ValidationContext c) =>
        c.MoneyFields.Where(m => m.Value < 0m).Select(m => new CheckViolation($"金额 {TableRules.Format(m.Value)} 为负数", [m.Path]));

    private static IEnumerable<CheckViolation> AmountPrecision(ValidationContext c)
    {
        var allowed = CurrencyUnit.MaxDecimals(c.Document.CurrencyUnit) ?? 6;
        return c.MoneyFields
            .Where(m => DecimalPlaces(m.Value) > allowed)
            .Select(m => new CheckViolation($"金额 {m.Value} 有 {DecimalPlaces(m.Value)} 位小数，{c.Document.CurrencyUnit} 最多 {allowed} 位（精确到分）", [m.Path]));
    }

    private static IEnumerable<CheckViolation> NoDuplicateLines(ValidationContext c)
    {
        var lines = c.Document.Lines;
        return Enumerable.Range(0, lines.Count)
            .GroupBy(i => (lines[i].FunctionCode, lines[i].Category, lines[i].EconomicCode, lines[i].FundSource, lines[i].ProjectCode, lines[i].PayeeUnitCode))
            .Where(g => g.Count() > 1)
            .Select(g => new CheckViolation(
                $"支出明细重复：{g.Key.FunctionCode} {g.Key.EconomicCode} {g.Key.FundSource.Label()} {g.Key.ProjectCode} {g.Key.PayeeUnitCode}".TrimEnd(),
                [.. g.Select(i => $"$.lines[{i}]")]));
    }

    private static IEnumerable<CheckViolation> NoDuplicateProjects(ValidationContext c)
    {
        var projects = c.Document.Projects;
        return Enumerable.Range(0, projects.Count)
            .GroupBy(i => projects[i].Code, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => new CheckViolation($"项目编码 {g.Key} 重复", [.. g.Select(i => $"$.projects[{i}].code")]));
    }

    /// <summary>Every money value under <paramref name="element"/>: properties named <c>amount</c> or ending in <c>Amount</c>.</summary>
    internal static IEnumerable<(string Path, decimal Value)> MoneyFields(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var child = $"{path}.{property.Name}";
                    if (IsMoneyName(property.Name) && property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetDecimal(out var value))
                    {
                        yield return (child, value);
                    }
                    else
                    {
                        foreach (var nested in MoneyFields(property.Value, child))
                        {
                            yield return nested;
                        }
                    }
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var nested in MoneyFields(item, $"{path}[{index++}]"))
                    {
                        yield return nested;
                    }
                }

                break;
        }
    }

    private static bool IsMoneyName(string name) => name == "amount" || name.EndsWith("Amount", StringComparison.Ordinal);

    private static int DecimalPlaces(decimal value)
    {
        var normalized = value / 1.000000000000000000000000000000000m;
        return normalized.Scale;
    }
}
