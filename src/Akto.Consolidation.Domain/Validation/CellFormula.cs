using System.Globalization;
using System.Text.RegularExpressions;
using Akto.Consolidation.Domain.Disclosure;

namespace Akto.Consolidation.Domain.Validation;

/// <summary>
/// A parsed cell formula: <c>Σ±terms op Σ±terms</c> where a term is <c>T{table}[{row}].{column}</c>.
/// The row is a code or a row name, or a wildcard — <c>*</c> (every row), <c>*类</c>, <c>*款</c>, <c>*项</c> — which makes
/// the formula hold on each row key present in any referenced table (a missing row counts as zero).
/// </summary>
public sealed partial record CellFormula(IReadOnlyList<CellTerm> Left, string Operator, IReadOnlyList<CellTerm> Right)
{
    public bool IsPerRow => Left.Concat(Right).Any(t => t.Row.StartsWith('*'));

    public static CellFormula Parse(string formula)
    {
        var tokens = formula.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var left = new List<CellTerm>();
        var right = new List<CellTerm>();
        string? op = null;
        var sign = 1;
        foreach (var token in tokens)
        {
            switch (token)
            {
                case "+":
                    sign = 1;
                    break;
                case "-":
                    sign = -1;
                    break;
                case "=" or "<=" or ">=" when op is null:
                    op = token;
                    sign = 1;
                    break;
                default:
                    var match = TermPattern().Match(token);
                    if (!match.Success)
                    {
                        throw new FormatException($"审核公式无法解析 '{token}' in '{formula}'.");
                    }

                    var term = new CellTerm(sign, int.Parse(match.Groups["table"].Value, CultureInfo.InvariantCulture), match.Groups["row"].Value, match.Groups["column"].Value);
                    (op is null ? left : right).Add(term);
                    sign = 1;
                    break;
            }
        }

        if (op is null || left.Count == 0 || right.Count == 0)
        {
            throw new FormatException($"审核公式需要左右两边和 =, <= 或 >= ('{formula}').");
        }

        return new CellFormula(left, op, right);
    }

    [GeneratedRegex(@"^T(?<table>\d+)\[(?<row>[^\]]+)\]\.(?<column>.+)$")]
    private static partial Regex TermPattern();
}

/// <summary>One signed cell reference of a formula.</summary>
public sealed record CellTerm(int Sign, int Table, string Row, string Column)
{
    /// <summary>The row key of <paramref name="row"/> as formulas address it: code (with project for Table 7) or name.</summary>
    public static string KeyOf(DisclosureRow row) =>
        row.Code is null ? row.Name : row.Project is null ? row.Code : $"{row.Code}|{(row.UnitCode is null ? "" : row.UnitCode + "/")}{row.Project}";

    public bool Matches(DisclosureRow row) => Row switch
    {
        "*" => true,
        "*类" => row.Level == "类",
        "*款" => row.Level == "款",
        "*项" => row.Level == "项",
        _ => false,
    };

    public string Location(string rowKey) => $"表{Table}[{rowKey}].{Column}";
}
