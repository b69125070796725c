using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Disclosure;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Reporting.Explanations;

namespace Akto.Consolidation.Reporting.Document;

/// <summary>Assembles a <see cref="DisclosureDocument"/> from budget documents, the year's catalog and a glossary.</summary>
public static class DisclosureDocumentBuilder
{
    /// <summary>The paragraph 第三部分 places the performance tables before (the seed's order).</summary>
    internal const string OtherMattersHeading = "（五）其他需说明的事项";

    /// <summary>
    /// One unit's document: its profile and staffing, its tables 1–11, 第三部分 from <see cref="ExplanationWriter"/> with the
    /// 单位整体 and every 项目 绩效目标表 inserted where the seed prints them, the glossary (the shipped one of the year when
    /// <paramref name="glossary"/> is null) and the sign-off.
    /// </summary>
    public static DisclosureDocument ForUnit(BudgetDocument document, ClassificationCatalog? catalog = null, Glossary? glossary = null, PublishedUnit unit = PublishedUnit.TenThousandYuan)
    {
        ArgumentNullException.ThrowIfNull(document);
        catalog ??= ClassificationCatalogs.Shipped.Get(document.Year);
        return ForUnit(document, DisclosureTables.For(document, catalog), catalog, glossary, unit);
    }

    /// <summary>One unit's document from its tables already computed (<see cref="DisclosureTables.For"/>, in 万元).</summary>
    public static DisclosureDocument ForUnit(BudgetDocument document, DisclosureSet set, ClassificationCatalog catalog, Glossary? glossary = null, PublishedUnit unit = PublishedUnit.TenThousandYuan)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(set);
        var paragraphs = ExplanationWriter.Render(document, set, catalog)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Skip(1) // "第三部分 …": the document prints its own part heading.
            .ToList();

        var performance = PerformanceTablesOf(document).Select(t => (ExplanationBlock)new PerformanceBlock(t.In(unit))).ToList();
        var at = paragraphs.FindIndex(p => p.StartsWith(OtherMattersHeading, StringComparison.Ordinal));
        var blocks = paragraphs.Select(p => (ExplanationBlock)new ParagraphBlock(p)).ToList();
        blocks.InsertRange(at < 0 ? blocks.Count : at, performance);

        return new DisclosureDocument(
            document.Year,
            set.Scope,
            new UnitOverview([OverviewOf(document, new Dictionary<string, string>())], document.Staffing),
            Printed(set.In(unit), document.UnitName),
            blocks,
            glossary ?? Glossaries.ForYear(document.Year),
            new SignOff(document.UnitName, document.PreparedOn));
    }

    /// <summary>
    /// The consolidated document of a department or the county (<see cref="DisclosureTables.ScopeOf"/>): every unit in
    /// 第一部分 with the staffing summed, the consolidated tables 1–11, and in 第三部分 the scope's explanations written from
    /// the printed tables (<see cref="ScopeExplanationWriter"/>) followed by every unit's 绩效目标表.
    /// </summary>
    public static DisclosureDocument ForScope(IReadOnlyList<BudgetDocument> documents, ClassificationCatalog? catalog = null, Glossary? glossary = null, PublishedUnit unit = PublishedUnit.TenThousandYuan)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (documents.Count == 1)
        {
            return ForUnit(documents[0], catalog, glossary, unit);
        }

        var scope = DisclosureTables.ScopeOf(documents);
        return ForScope(documents, DisclosureTables.Consolidate(documents, scope, catalog), glossary, unit);
    }

    /// <summary>
    /// The consolidated document of <paramref name="documents"/> from their consolidated tables already computed (in 万元),
    /// whose scope it takes — a department or the county even when it holds a single unit.
    /// </summary>
    public static DisclosureDocument ForScope(IReadOnlyList<BudgetDocument> documents, DisclosureSet set, Glossary? glossary = null, PublishedUnit unit = PublishedUnit.TenThousandYuan)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(set);
        var scope = set.Scope;
        var year = set.Year;
        var names = documents.ToDictionary(d => d.UnitCode, d => d.UnitName, StringComparer.Ordinal);
        var ordered = documents.OrderBy(d => d.UnitCode, StringComparer.Ordinal).ToList();
        var preparedOn = documents.Select(d => d.PreparedOn).Where(d => d is not null).Max();
        var printed = Printed(set.In(unit), scope.Name);
        var performance = ordered.SelectMany(PerformanceTablesOf).Select(t => t.In(unit)).ToList();
        var paragraphs = ScopeExplanationWriter.Paragraphs(
            scope,
            year,
            [.. printed.Select(p => p.Table)],
            unit.Label(),
            documents.Count,
            performance.Count(t => t.Kind == PerformanceTableKind.Unit),
            performance.Count(t => t.Kind == PerformanceTableKind.Project));
        return new DisclosureDocument(
            year,
            scope,
            new UnitOverview([.. ordered.Select(d => OverviewOf(d, names))], SumStaffing(ordered.Select(d => d.Staffing))),
            printed,
            [.. paragraphs.Select(p => (ExplanationBlock)new ParagraphBlock(p)), .. performance.Select(t => new PerformanceBlock(t))],
            glossary ?? Glossaries.ForYear(year),
            new SignOff(scope.Name, preparedOn));
    }

    /// <summary>单位整体绩效目标表 then each project's 项目支出绩效目标表, in the document's project order.</summary>
    public static IEnumerable<PerformanceTargetTable> PerformanceTablesOf(BudgetDocument document)
    {
        if (document.UnitPerformance is { } unit)
        {
            yield return new PerformanceTargetTable(
                PerformanceTableKind.Unit,
                document.Year,
                document.UnitName,
                null,
                unit.Contact,
                unit.Phone,
                unit.Goal,
                [
                    new PerformanceFund("财政资金", "上级安排", unit.SuperiorFundsAmount),
                    new PerformanceFund("财政资金", "本级安排", unit.LocalFundsAmount),
                    new PerformanceFund("其他资金", "其他", unit.OtherFundsAmount),
                ],
                unit.Indicators);
        }

        foreach (var project in document.Projects)
        {
            if (project.Performance is not { } performance)
            {
                continue;
            }

            yield return new PerformanceTargetTable(
                PerformanceTableKind.Project,
                document.Year,
                document.UnitName,
                project.Name,
                performance.Manager,
                null,
                performance.Goal,
                [
                    new PerformanceFund("项目资金", "年度预算总额", performance.AnnualBudgetAmount),
                    new PerformanceFund("项目资金", "其中：财政拨款", performance.FiscalAmount),
                    new PerformanceFund("项目资金", "其他资金", performance.OtherAmount),
                ],
                performance.Indicators);
        }
    }

    /// <summary>人员情况 summed over the units that report it (null when none does).</summary>
    public static Staffing? SumStaffing(IEnumerable<Staffing?> staffing)
    {
        Staffing? total = null;
        foreach (var s in staffing)
        {
            if (s is null)
            {
                continue;
            }

            total = total is null
                ? s
                : new Staffing
                {
                    AuthorizedPosts = total.AuthorizedPosts + s.AuthorizedPosts,
                    ActualHeadcount = total.ActualHeadcount + s.ActualHeadcount,
                    InService = total.InService + s.InService,
                    InServiceChange = total.InServiceChange + s.InServiceChange,
                    Retired = total.Retired + s.Retired,
                    RetiredChange = total.RetiredChange + s.RetiredChange,
                    RetiredCadres = total.RetiredCadres + s.RetiredCadres,
                    RetiredCadresChange = total.RetiredCadresChange + s.RetiredCadresChange,
                };
        }

        return total;
    }

    private static OverviewUnit OverviewOf(BudgetDocument document, IReadOnlyDictionary<string, string> names) =>
        new(
            document.UnitCode,
            document.UnitName,
            document.Profile,
            document.Staffing,
            [.. (document.Profile?.SubordinateUnits ?? []).Select(code => names.GetValueOrDefault(code) ?? code)]);

    private static List<PrintedTable> Printed(DisclosureSet set, string preparer) =>
        [.. set.Tables.Select(t => new PrintedTable(PrintedFigures.Of(t), preparer, set.CurrencyUnit))];
}
