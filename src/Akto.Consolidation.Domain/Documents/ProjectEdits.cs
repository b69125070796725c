namespace Akto.Consolidation.Domain.Documents;

/// <summary>
/// 项目调整: edits of one project's figures that produce a new version of its unit's document. The project amount always
/// follows its lines; income can follow the change per fund source, so that income still equals spending by source.
/// Invalid edits throw <see cref="ArgumentException"/> with a Chinese message; the result is validated like any document.
/// </summary>
public static class ProjectEdits
{
    /// <summary>
    /// Replaces the lines of project <paramref name="projectCode"/> (their <c>ProjectCode</c> is set to it). With
    /// <paramref name="adjustIncome"/>, the income of every fund source moves by the change of the project's spending from
    /// that source. A <paramref name="performance"/> replaces the project's 绩效目标表; without one, a table whose amounts
    /// matched the old project keeps matching the new one.
    /// </summary>
    public static BudgetDocument ReplaceLines(
        BudgetDocument document,
        string projectCode,
        IReadOnlyList<ExpenditureLine> lines,
        ProjectPerformance? performance = null,
        bool adjustIncome = true)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(lines);
        var index = IndexOf(document, projectCode);
        var project = document.Projects[index];
        if (lines.Any(l => l.Amount < 0m))
        {
            throw new ArgumentException($"项目 {projectCode} 的支出金额不能为负数 (amounts must not be negative).", nameof(lines));
        }

        var oldLines = document.Lines.Where(l => l.ProjectCode == projectCode).ToList();
        var newLines = lines.Where(l => l.Amount != 0m).Select(l => l with { ProjectCode = projectCode }).ToList();
        var amount = newLines.Sum(l => l.Amount);

        var updated = project with
        {
            Amount = amount,
            Performance = performance ?? FollowAmount(project, oldLines, newLines),
        };

        var income = document.Income;
        if (adjustIncome)
        {
            income = AdjustIncome(document.Income, oldLines, newLines, projectCode);
        }

        return document with
        {
            Income = income,
            Lines = [.. document.Lines.Where(l => l.ProjectCode != projectCode), .. newLines],
            Projects = [.. document.Projects.Select((p, i) => i == index ? updated : p)],
        };
    }

    /// <summary>
    /// Moves <paramref name="amount"/> of project <paramref name="projectCode"/> from function 项 <paramref name="fromFunctionCode"/>
    /// to <paramref name="toFunctionCode"/>, line by line in document order, keeping each line's category, economic code
    /// and fund source. Totals by source do not change, so income is left as it is.
    /// </summary>
    public static BudgetDocument MoveFunction(BudgetDocument document, string projectCode, string fromFunctionCode, string toFunctionCode, decimal amount)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (amount <= 0m)
        {
            throw new ArgumentException($"调整金额应大于零 (the amount to move must be positive): {amount}", nameof(amount));
        }

        if (fromFunctionCode == toFunctionCode)
        {
            throw new ArgumentException($"调出和调入的功能科目相同 ({fromFunctionCode})", nameof(toFunctionCode));
        }

        IndexOf(document, projectCode);
        var lines = document.Lines.Where(l => l.ProjectCode == projectCode).ToList();
        var available = lines.Where(l => l.FunctionCode == fromFunctionCode).Sum(l => l.Amount);
        if (available < amount)
        {
            throw new ArgumentException(
                $"项目 {projectCode} 在功能科目 {fromFunctionCode} 只有 {available} 万元，不能调出 {amount} 万元 (not enough on the source function code)",
                nameof(amount));
        }

        var result = new List<ExpenditureLine>();
        var remaining = amount;
        foreach (var line in lines)
        {
            if (line.FunctionCode != fromFunctionCode || remaining == 0m)
            {
                result.Add(line);
                continue;
            }

            var moved = Math.Min(remaining, line.Amount);
            remaining -= moved;
            result.Add(line with { Amount = line.Amount - moved });
            result.Add(line with { FunctionCode = toFunctionCode, Amount = moved, Derived = false });
        }

        var merged = result
            .GroupBy(l => (l.FunctionCode, l.Category, l.EconomicCode, l.FundSource, l.PayeeUnitCode))
            .Select(g => g.First() with { Amount = g.Sum(l => l.Amount) })
            .ToList();
        return ReplaceLines(document, projectCode, merged, performance: null, adjustIncome: false);
    }

    private static int IndexOf(BudgetDocument document, string projectCode)
    {
        for (var i = 0; i < document.Projects.Count; i++)
        {
            if (document.Projects[i].Code == projectCode)
            {
                return i;
            }
        }

        throw new ArgumentException($"单位 {document.UnitCode} 没有项目 {projectCode} (no such project).", nameof(projectCode));
    }

    private static IReadOnlyList<IncomeLine> AdjustIncome(IReadOnlyList<IncomeLine> income, List<ExpenditureLine> oldLines, List<ExpenditureLine> newLines, string projectCode)
    {
        var result = income.ToList();
        foreach (var source in FundSources.All)
        {
            var change = newLines.Where(l => l.FundSource == source).Sum(l => l.Amount) - oldLines.Where(l => l.FundSource == source).Sum(l => l.Amount);
            if (change == 0m)
            {
                continue;
            }

            // The first income line of the source without a payer absorbs the change: transfer income stays as declared.
            var index = result.FindIndex(l => l.Source == source && l.PayerUnitCode is null);
            if (index < 0)
            {
                result.Add(new IncomeLine { Source = source, Amount = change });
                continue;
            }

            var adjusted = result[index].Amount + change;
            if (adjusted < 0m)
            {
                throw new ArgumentException($"调整项目 {projectCode} 后“{source.Label()}”收入为负数 ({adjusted})", nameof(income));
            }

            result[index] = result[index] with { Amount = adjusted };
        }

        return [.. result.Where(l => l.Amount != 0m || l.PayerUnitCode is not null)];
    }

    /// <summary>Keeps 年度预算总额 / 财政拨款 / 其他资金 equal to the project's money when they were before the edit.</summary>
    private static ProjectPerformance? FollowAmount(BudgetProject project, List<ExpenditureLine> oldLines, List<ExpenditureLine> newLines)
    {
        if (project.Performance is not { } performance)
        {
            return null;
        }

        static decimal Fiscal(IEnumerable<ExpenditureLine> lines) => lines.Where(l => l.FundSource.IsCurrentFiscal() || l.FundSource.IsFiscalCarryOver()).Sum(l => l.Amount);
        var oldAmount = oldLines.Sum(l => l.Amount);
        if (performance.AnnualBudgetAmount != oldAmount || performance.FiscalAmount != Fiscal(oldLines))
        {
            return performance;
        }

        var amount = newLines.Sum(l => l.Amount);
        var fiscal = Fiscal(newLines);
        return performance with { AnnualBudgetAmount = amount, FiscalAmount = fiscal, OtherAmount = amount - fiscal };
    }
}
