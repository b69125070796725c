using System.Globalization;
using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Domain.Explanations;

namespace Akto.Consolidation.Domain.Validation;

/// <summary>Hand checks on the explanations (第三部分): the direction of each 主要原因 and the prior-year figures.</summary>
public static partial class DocumentChecks
{
    /// <summary>Words that say a figure went up (增加, 增长 …).</summary>
    private static readonly string[] IncreaseWords = ["增加", "增长", "上涨", "上升", "调增", "提高"];

    /// <summary>Words that say a figure went down (减少, 下降 …).</summary>
    private static readonly string[] DecreaseWords = ["减少", "下降", "降低", "调减", "压减", "缩减"];

    /// <summary>
    /// 主要原因与增减方向一致: a reason that only speaks of going up (增加/增长/上涨/上升/调增/提高) explains an increase, one
    /// that only speaks of going down (减少/下降/降低/调减/压减/缩减) a decrease. A reason with words of both directions
    /// ("A 减少，B 增加") or of neither ("新增…项目") is accepted: it may explain a net change. The change is taken at the
    /// published precision; a change that prints as 0.00 is not checked.
    /// </summary>
    private static IEnumerable<CheckViolation> ReasonsMatchDirection(ValidationContext c)
    {
        var explanations = c.Document.Explanations;
        if (c.Document.PriorYear is null || explanations.Count == 0)
        {
            yield break;
        }

        var reasonIndex = new Dictionary<string, int>(explanations.Count, StringComparer.Ordinal);
        for (var i = 0; i < explanations.Count; i++)
        {
            if (explanations[i].Kind == ExplanationKind.Reason)
            {
                reasonIndex.TryAdd(explanations[i].Subject, i);
            }
        }

        foreach (var comparison in c.Comparisons)
        {
            if (!reasonIndex.TryGetValue(comparison.Subject, out var index))
            {
                continue;
            }

            var change = PublishedAmount.Round(comparison.Current) - PublishedAmount.Round(comparison.Prior);
            if (change == 0m)
            {
                continue;
            }

            var text = explanations[index].Text;
            var up = FirstWord(text, IncreaseWords);
            var down = FirstWord(text, DecreaseWords);
            var contradiction = change > 0m ? (up is null ? down : null) : (down is null ? up : null);
            if (contradiction is null)
            {
                continue;
            }

            var direction = change > 0m ? "增加" : "减少";
            var rate = change > 0m ? "增长" : "下降";
            yield return new CheckViolation(
                $"{Label(c, comparison)} 比上年预算{direction} {PublishedAmount.Text(Math.Abs(change))}，{rate} {Math.Abs(comparison.ChangePercent).ToString("0.00", CultureInfo.InvariantCulture)}%，主要原因却说“{contradiction}”：{text}",
                [$"$.explanations[{index}].text", comparison.Location]);
        }
    }

    /// <summary>
    /// 上年预算数前后一致: prior income (all sources, 上年结转 included) = prior 基本支出 + 项目支出; prior 一般公共预算 income
    /// (本级 + 上级转移支付) = prior 一般公共预算 基本 + 项目; and the 一般公共预算 parts do not exceed the totals. Income is
    /// checked only where the document states prior income. Compared at the published precision.
    /// </summary>
    private static IEnumerable<CheckViolation> PriorYearTotalsAgree(ValidationContext c)
    {
        if (c.Document.PriorYear is not { } prior)
        {
            yield break;
        }

        if (prior.Income.Count > 0)
        {
            decimal all = 0m, general = 0m;
            foreach (var line in prior.Income)
            {
                all += line.Amount;
                general += line.Source is FundSource.GeneralBudget or FundSource.GeneralBudgetTransfer ? line.Amount : 0m;
            }

            var income = c.Published(all);
            var spending = c.Published(prior.BasicAmount + prior.ProjectAmount);
            if (income != spending)
            {
                yield return new CheckViolation(
                    $"上年收入合计 {PublishedAmount.Text(income)} ≠ 上年基本支出 {PublishedAmount.Text(c.Published(prior.BasicAmount))} + 项目支出 {PublishedAmount.Text(c.Published(prior.ProjectAmount))} = {PublishedAmount.Text(spending)}",
                    ["$.priorYear.income", "$.priorYear.basicAmount", "$.priorYear.projectAmount"]);
            }

            var generalIncome = c.Published(general);
            var generalSpending = c.Published(prior.GeneralBudgetBasicAmount + prior.GeneralBudgetProjectAmount);
            if (generalIncome != generalSpending)
            {
                yield return new CheckViolation(
                    $"上年一般公共预算收入（本级 + 上级转移支付）{PublishedAmount.Text(generalIncome)} ≠ 上年一般公共预算基本支出 {PublishedAmount.Text(c.Published(prior.GeneralBudgetBasicAmount))} + 项目支出 {PublishedAmount.Text(c.Published(prior.GeneralBudgetProjectAmount))} = {PublishedAmount.Text(generalSpending)}",
                    ["$.priorYear.income", "$.priorYear.generalBudgetBasicAmount", "$.priorYear.generalBudgetProjectAmount"]);
            }
        }

        foreach (var (part, whole, partPath, wholePath, label) in new[]
        {
            (prior.GeneralBudgetBasicAmount, prior.BasicAmount, "generalBudgetBasicAmount", "basicAmount", "基本支出"),
            (prior.GeneralBudgetProjectAmount, prior.ProjectAmount, "generalBudgetProjectAmount", "projectAmount", "项目支出"),
        })
        {
            if (c.Published(part) > c.Published(whole))
            {
                yield return new CheckViolation(
                    $"上年一般公共预算{label} {PublishedAmount.Text(c.Published(part))} > 上年{label}合计 {PublishedAmount.Text(c.Published(whole))}",
                    [$"$.priorYear.{partPath}", $"$.priorYear.{wholePath}"]);
            }
        }
    }

    private static string? FirstWord(string text, string[] words)
    {
        foreach (var word in words)
        {
            if (text.Contains(word, StringComparison.Ordinal))
            {
                return word;
            }
        }

        return null;
    }

    /// <summary>The comparison's label, with the 科目 name for a function code ("一般公共预算 2101102 事业单位医疗").</summary>
    private static string Label(ValidationContext c, YearOnYearComparison comparison)
    {
        const string prefix = "generalBudget/function/";
        if (comparison.Subject.StartsWith(prefix, StringComparison.Ordinal)
            && c.Catalog.Find(ClassificationTree.Function, comparison.Subject[prefix.Length..]) is { } entry)
        {
            return $"{comparison.Label} {entry.Name}";
        }

        return comparison.Label;
    }
}
