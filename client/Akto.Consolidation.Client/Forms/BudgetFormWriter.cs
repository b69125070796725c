using System.Globalization;
using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Documents;
using L = Akto.Consolidation.Client.Forms.BudgetFormLayout;

namespace Akto.Consolidation.Client.Forms;

/// <summary>
/// 单位预算填报表: writes the Excel form of a year — blank, or filled with a budget document — with the year's catalogs
/// and every enumeration as drop-down lists on a hidden 目录 sheet. <see cref="BudgetFormReader"/> reads it back.
/// </summary>
internal static class BudgetFormWriter
{
    public static void Write(Stream output, ClassificationCatalog catalog, BudgetDocument? document = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var d = document ?? new BudgetDocument { Year = catalog.Year };
        var lists = new FormLists(catalog);
        using var form = new XlsxFormBuilder(output);

        form.AddKeyValues(
            L.UnitSheet,
            [
                (L.Year, d.Year, "四位年份"),
                (L.UnitCode, Blank(d.UnitCode), "预算单位编码"),
                (L.UnitName, Blank(d.UnitName), ""),
                (L.DepartmentCode, Blank(d.DepartmentCode), "主管部门的单位编码；主管部门本身填自己的编码"),
                (L.CurrencyUnit, d.CurrencyUnit, "万元 或 元：本表所有金额的单位"),
                (L.PreparedOn, d.PreparedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "yyyy-MM-dd"),
                (L.OfficeOperating, d.OfficeOperatingAmount, "财政拨款机关运行经费"),
            ],
            new Dictionary<string, string> { [L.CurrencyUnit] = lists.CurrencyUnits });

        form.AddTable(
            L.ProfileSheet,
            [new(L.ProfileHeaders[0], 16, lists.ProfileKinds), new(L.ProfileHeaders[1], 100)],
            d.Profile is not { } profile ? [] :
            [
                .. profile.Functions.Select(f => Row(FormLabels.Function, f)),
                .. profile.InternalDivisions.Select(f => Row(FormLabels.Division, f)),
                .. profile.SubordinateUnits.Select(f => Row(FormLabels.Subordinate, f)),
            ]);

        var s = d.Staffing;
        form.AddKeyValues(L.StaffingSheet, L.StaffingLabels.Zip(
            new int?[] { s?.AuthorizedPosts, s?.ActualHeadcount, s?.InService, s?.InServiceChange, s?.Retired, s?.RetiredChange, s?.RetiredCadres, s?.RetiredCadresChange },
            (label, value) => (label, (object?)value, "人")));

        form.AddTable(L.IncomeSheet, IncomeColumns(lists), d.Income.Select(i => Row(FormLabels.FundSources.Of(i.Source), i.Amount, i.PayerUnitCode)));

        form.AddTable(
            L.LinesSheet,
            [
                new(L.LineHeaders[0], 40, lists.FunctionCodes), new(L.LineHeaders[1], 12, lists.Categories), new(L.LineHeaders[2], 34, lists.EconomicCodes),
                new(L.LineHeaders[3], 30, lists.FundSources), new(L.LineHeaders[4], 22), new(L.LineHeaders[5], 14), new(L.LineHeaders[6], 14), new(L.LineHeaders[7], 8, lists.YesNo),
            ],
            d.Lines.Select(l => Row(
                lists.Function(l.FunctionCode), FormLabels.Categories.Of(l.Category), lists.Economic(l.EconomicCode), FormLabels.FundSources.Of(l.FundSource),
                l.ProjectCode, l.Amount, l.PayeeUnitCode, l.Derived ? FormLabels.Yes : null)));

        form.AddTable(
            L.ProjectsSheet,
            [.. L.ProjectHeaders.Select((h, i) => new FormColumn(h, i == 1 ? 40 : 18, i == 2 ? lists.ProjectKinds : null))],
            d.Projects.Select(p => Row(
                p.Code, p.Name, FormLabels.ProjectKinds.Of(p.Kind), p.Amount, p.PolicyBasis, p.Undertaker, p.Allocation, Date(p.StartsOn), Date(p.EndsOn), p.Purpose,
                p.Subsidy?.FundingNote, p.Subsidy?.Recipients, p.Subsidy?.Standard, p.Subsidy?.Scope, p.Subsidy?.Method, p.Subsidy?.Procedure, p.Subsidy?.Beneficiaries,
                p.Performance?.Manager, p.Performance?.AnnualBudgetAmount, p.Performance?.FiscalAmount, p.Performance?.OtherAmount, p.Performance?.Goal)));

        var indicators = (d.UnitPerformance?.Indicators ?? []).Select(i => (Owner: FormLabels.UnitOwner, Indicator: i))
            .Concat(d.Projects.SelectMany(p => (p.Performance?.Indicators ?? []).Select(i => (Owner: p.Code, Indicator: i))));
        form.AddTable(
            L.IndicatorsSheet,
            [.. L.IndicatorHeaders.Select((h, i) => new FormColumn(h, i is 4 or 5 or 8 ? 30 : 14, i == 13 ? lists.Measures : null))],
            indicators.Select(x => Row(
                x.Owner, x.Indicator.Level1, x.Indicator.Level2, x.Indicator.Level3, x.Indicator.Value, x.Indicator.Basis, x.Indicator.PriorValue, x.Indicator.Weight,
                x.Indicator.ScoringRule, x.Indicator.Evidence, x.Indicator.Target?.Operator, x.Indicator.Target?.Value, x.Indicator.Target?.Unit,
                x.Indicator.Measures == IndicatorMeasure.None ? null : FormLabels.Measures.Of(x.Indicator.Measures))));

        var u = d.UnitPerformance;
        form.AddKeyValues(L.UnitPerformanceSheet, L.UnitPerformanceLabels.Zip(
            new object?[] { u?.Contact, u?.Phone, u?.Goal, u?.SuperiorFundsAmount, u?.LocalFundsAmount, u?.OtherFundsAmount },
            (label, value) => (label, value, "单位整体绩效目标表")));

        form.AddTable(
            L.ThreePublicSheet,
            [new(L.ThreePublicHeaders[0], 8, lists.Years), new(L.ThreePublicHeaders[1], 20, lists.ThreePublicItems), new(L.ThreePublicHeaders[2], 20, lists.BudgetTypes), new(L.ThreePublicHeaders[3], 14)],
            d.ThreePublicExpenses.Select(t => ThreePublicRow(FormLabels.CurrentYear, t))
                .Concat((d.PriorYear?.ThreePublicExpenses ?? []).Select(t => ThreePublicRow(FormLabels.PriorYear, t))));

        var p = d.Procurement;
        form.AddKeyValues(L.ProcurementSheet, L.ProcurementLabels.Zip(
            new object?[]
            {
                p?.GoodsAmount, p?.WorksAmount, p?.ServicesAmount, p?.SmeReservedAmount, p?.SmallMicroReservedAmount,
                p?.SmeEligibleGoodsAmount, p?.SmeEligibleWorksAmount, p?.SmeEligibleServicesAmount,
            },
            (label, value) => (label, value, "政府采购预算")));

        var a = d.Assets;
        form.AddKeyValues(L.AssetsSheet, L.AssetLabels.Zip(
            new object?[]
            {
                Date(a?.AsOf), a?.BuildingArea, a?.BuildingValueAmount, a?.FurnitureValueAmount, a?.OtherAssetsValueAmount, a?.EquipmentOver50, a?.EquipmentOver100,
                a?.PlannedVehiclePurchases, a?.PlannedEquipmentOver50, a?.PlannedEquipmentOver100, a?.VehicleCount, a?.VehicleValueAmount,
            },
            (label, value) => (label, value, "国有资产占用使用情况")));
        form.AddTable(L.VehiclesSheet, [new(L.VehicleHeaders[0], 20), new(L.VehicleHeaders[1], 10), new(L.VehicleHeaders[2], 14)], (a?.Vehicles ?? []).Select(v => Row(v.Kind, v.Count, v.ValueAmount)));

        var y = d.PriorYear;
        form.AddKeyValues(L.PriorYearSheet, L.PriorYearLabels.Zip(
            new object?[] { y?.BasicAmount, y?.ProjectAmount, y?.GeneralBudgetBasicAmount, y?.GeneralBudgetProjectAmount, y?.OfficeOperatingAmount },
            (label, value) => (label, value, "上年预算数")));
        form.AddTable(L.PriorIncomeSheet, IncomeColumns(lists), (y?.Income ?? []).Select(i => Row(FormLabels.FundSources.Of(i.Source), i.Amount, i.PayerUnitCode)));
        form.AddTable(
            L.PriorFunctionSheet,
            [new(L.PriorFunctionHeaders[0], 40, lists.FunctionCodes), new(L.PriorFunctionHeaders[1], 14)],
            (y?.GeneralBudgetByFunction ?? []).Select(f => Row(lists.Function(f.FunctionCode), f.Amount)));

        form.AddTable(
            L.ExplanationsSheet,
            [new(L.ExplanationHeaders[0], 36), new(L.ExplanationHeaders[1], 12, lists.ExplanationKinds), new(L.ExplanationHeaders[2], 80)],
            d.Explanations.Select(e => Row(e.Subject, FormLabels.ExplanationKinds.Of(e.Kind), e.Text)));
        form.AddTable(L.DerivationsSheet, [new(L.DerivationHeaders[0], 36), new(L.DerivationHeaders[1], 80)], d.Derivations.Select(x => Row(x.Subject, x.Method)));

        form.AddTable(L.ListsSheet, lists.Columns, lists.Rows(), hidden: true);
    }

    public static byte[] ToBytes(ClassificationCatalog catalog, BudgetDocument? document = null)
    {
        using var stream = new MemoryStream();
        Write(stream, catalog, document);
        return stream.ToArray();
    }

    private static FormColumn[] IncomeColumns(FormLists lists) =>
        [new(L.IncomeHeaders[0], 34, lists.FundSources), new(L.IncomeHeaders[1], 14), new(L.IncomeHeaders[2], 16)];

    private static IReadOnlyList<object?> ThreePublicRow(string year, ThreePublicExpense t) =>
        Row(year, FormLabels.ThreePublicItems.Of(t.Item), FormLabels.BudgetTypes.Of(t.BudgetType), t.Amount);

    private static IReadOnlyList<object?> Row(params object?[] values) => values;

    private static string? Blank(string text) => text.Length == 0 ? null : text;

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>The hidden 目录 sheet: one column per drop-down list, and the range each list's validations reference.</summary>
internal sealed class FormLists
{
    private readonly List<(string Header, IReadOnlyList<string> Values)> _lists = [];
    private readonly Dictionary<string, string> _functionNames;
    private readonly Dictionary<string, string> _economicNames;

    public FormLists(ClassificationCatalog catalog)
    {
        var function = catalog.Entries(ClassificationTree.Function).Where(e => catalog.IsBookable(ClassificationTree.Function, e.Code)).ToList();
        var economic = catalog.Entries(ClassificationTree.Economic).Where(e => catalog.IsBookable(ClassificationTree.Economic, e.Code)).ToList();
        _functionNames = function.ToDictionary(e => e.Code, e => e.Name);
        _economicNames = economic.ToDictionary(e => e.Code, e => e.Name);
        FunctionCodes = Add($"功能分类科目（{catalog.Year}）", [.. function.Select(e => $"{e.Code} {e.Name}")]);
        EconomicCodes = Add($"经济分类科目（{catalog.Year}）", [.. economic.Select(e => $"{e.Code} {e.Name}")]);
        FundSources = Add("资金来源", FormLabels.FundSources.All);
        Categories = Add("支出类型", FormLabels.Categories.All);
        ProjectKinds = Add("项目类型", FormLabels.ProjectKinds.All);
        ThreePublicItems = Add("三公项目", FormLabels.ThreePublicItems.All);
        BudgetTypes = Add("预算类型", FormLabels.BudgetTypes.All);
        Measures = Add("指标度量", FormLabels.Measures.All);
        ExplanationKinds = Add("说明类型", FormLabels.ExplanationKinds.All);
        Years = Add("年度", [FormLabels.CurrentYear, FormLabels.PriorYear]);
        CurrencyUnits = Add("金额单位", [CurrencyUnit.TenThousandYuan, CurrencyUnit.Yuan]);
        ProfileKinds = Add("职能类别", [FormLabels.Function, FormLabels.Division, FormLabels.Subordinate]);
        YesNo = Add("是否", [FormLabels.Yes, FormLabels.No]);
    }

    public string FunctionCodes { get; }

    public string EconomicCodes { get; }

    public string FundSources { get; }

    public string Categories { get; }

    public string ProjectKinds { get; }

    public string ThreePublicItems { get; }

    public string BudgetTypes { get; }

    public string Measures { get; }

    public string ExplanationKinds { get; }

    public string Years { get; }

    public string CurrencyUnits { get; }

    public string ProfileKinds { get; }

    public string YesNo { get; }

    public IReadOnlyList<FormColumn> Columns => [.. _lists.Select(l => new FormColumn(l.Header, 30))];

    /// <summary>"2080101 行政运行" as the drop-down shows it; the code alone when the catalog does not know it.</summary>
    public string Function(string code) => _functionNames.TryGetValue(code, out var name) ? $"{code} {name}" : code;

    public string Economic(string code) => _economicNames.TryGetValue(code, out var name) ? $"{code} {name}" : code;

    public IEnumerable<IReadOnlyList<object?>> Rows()
    {
        var height = _lists.Max(l => l.Values.Count);
        for (var r = 0; r < height; r++)
        {
            yield return [.. _lists.Select(l => r < l.Values.Count ? l.Values[r] : null)];
        }
    }

    private string Add(string header, IReadOnlyList<string> values)
    {
        var column = XlsxWorkbookReader.Reference(1, _lists.Count)[..^1];
        _lists.Add((header, values));
        return $"'{BudgetFormLayout.ListsSheet}'!${column}$2:${column}${Math.Max(2, values.Count + 1)}";
    }
}
