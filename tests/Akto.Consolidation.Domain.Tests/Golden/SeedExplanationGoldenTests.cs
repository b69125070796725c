using System.Globalization;
using Akto.Consolidation.Domain.Disclosure;
using Akto.Consolidation.Domain.Explanations;

namespace Akto.Consolidation.Domain.Tests.Golden;

/// <summary>
/// Every amount, share, change and percentage the seed's explanations (第三部分) quote, as printed there, equals the figure
/// computed from the document and its tables.
/// </summary>
public sealed class SeedExplanationGoldenTests
{
    /// <summary>Transcribed from the seed text: key → printed value.</summary>
    private static readonly (string Key, string Value)[] Published =
    [
        ("total", "7499.14"),
        ("income/generalBudget/amount", "3852.63"), ("income/generalBudget/share", "51.37"), ("income/generalBudget/change", "-532.58"), ("income/generalBudget/changePercent", "-12.14"),
        ("income/generalBudgetTransfer/amount", "2336.12"), ("income/generalBudgetTransfer/share", "31.15"), ("income/generalBudgetTransfer/change", "683.62"), ("income/generalBudgetTransfer/changePercent", "41.37"),
        ("income/unitFunds/amount", "648.20"), ("income/unitFunds/share", "8.64"), ("income/unitFunds/change", "-1270.75"), ("income/unitFunds/changePercent", "-66.22"),
        ("income/carryOver/amount", "662.19"), ("income/carryOver/share", "8.84"), ("income/carryOver/change", "662.19"), ("income/carryOver/changePercent", "100.00"),
        ("expenditure/basic/amount", "1198.75"), ("expenditure/basic/share", "15.99"), ("expenditure/basic/change", "168.55"), ("expenditure/basic/changePercent", "16.36"),
        ("expenditure/project/amount", "6300.39"), ("expenditure/project/share", "84.01"), ("expenditure/project/change", "-626.07"), ("expenditure/project/changePercent", "-9.04"),
        ("fiscal/total", "6188.75"), ("fiscal/generalBudget", "6188.75"),
        ("fiscal/class/201", "2.00"), ("fiscal/class/208", "5977.45"), ("fiscal/class/210", "45.99"), ("fiscal/class/213", "70.12"), ("fiscal/class/221", "93.19"),
        ("generalBudget/total", "6188.75"),
        ("generalBudget/basic/amount", "1198.75"), ("generalBudget/basic/change", "168.55"), ("generalBudget/basic/changePercent", "16.36"),
        ("generalBudget/project/amount", "4990.00"), ("generalBudget/project/change", "-17.51"), ("generalBudget/project/changePercent", "-0.35"),
        ("generalBudget/class/201/amount", "2.00"), ("generalBudget/class/201/share", "0.03"),
        ("generalBudget/class/208/amount", "5977.45"), ("generalBudget/class/208/share", "96.59"),
        ("generalBudget/class/210/amount", "45.99"), ("generalBudget/class/210/share", "0.74"),
        ("generalBudget/class/213/amount", "70.12"), ("generalBudget/class/213/share", "1.13"),
        ("generalBudget/class/221/amount", "93.19"), ("generalBudget/class/221/share", "1.51"),
        .. Function("2013299", "2.00", "2.00", "100.00"),
        .. Function("2080101", "460.26", "71.09", "18.27"),
        .. Function("2080105", "5.00", "5.00", "100.00"),
        .. Function("2080106", "10.00", "10.00", "100.00"),
        .. Function("2080150", "442.65", "70.75", "19.02"),
        .. Function("2080199", "36.60", "-60.20", "-62.19"),
        .. Function("2080501", "34.75", "11.91", "52.15"),
        .. Function("2080502", "4.65", "2.35", "102.17"),
        .. Function("2080505", "117.26", "15.14", "14.83"),
        .. Function("2080701", "116.00", "-30.50", "-20.82"),
        .. Function("2080702", "420.00", "420.00", "100.00"),
        .. Function("2080704", "400.00", "150.00", "60.00"),
        .. Function("2080705", "3557.12", "-390.52", "-9.89"),
        .. Function("2080709", "40.00", "40.00", "100.00"),
        .. Function("2080711", "160.00", "-80.00", "-33.33"),
        .. Function("2080712", "15.00", "15.00", "100.00"),
        .. Function("2080713", "20.00", "20.00", "100.00"),
        .. Function("2080799", "138.16", "-122.41", "-46.98"),
        .. Function("2101101", "24.97", "-15.21", "-37.85"),
        .. Function("2101102", "21.02", "1.24", "6.27"),
        .. Function("2130899", "70.12", "4.12", "6.24"),
        .. Function("2210201", "93.19", "11.28", "13.77"),
        ("basic/personnel", "1130.56"), ("basic/public", "68.19"),
        ("projects/P01/amount", "2.00"), ("projects/P02/amount", "5.00"), ("projects/P03/amount", "10.00"), ("projects/P04/amount", "21.60"),
        ("projects/P05/amount", "15.00"), ("projects/P06/amount", "3.00"), ("projects/P07/amount", "113.00"), ("projects/P08/amount", "420.00"),
        ("projects/P09/amount", "400.00"), ("projects/P10/amount", "1050.00"), ("projects/P11/amount", "2507.12"), ("projects/P12/amount", "40.00"),
        ("projects/P13/amount", "160.00"), ("projects/P14/amount", "15.00"), ("projects/P15/amount", "20.00"), ("projects/P16/amount", "45.00"),
        ("projects/P17/amount", "93.16"), ("projects/P18/amount", "57.60"), ("projects/P19/amount", "12.52"),
        ("threePublic/total", "5.40"), ("threePublic/outboundTravel", "0.00"), ("threePublic/vehiclePurchase", "0.00"), ("threePublic/vehicleOperation", "5.40"), ("threePublic/reception", "0.00"),
        ("threePublic/total/change", "-10.72"), ("threePublic/total/changePercent", "-66.50"),
        ("threePublic/outboundTravel/change", "0.00"), ("threePublic/outboundTravel/changePercent", "0.00"),
        ("threePublic/vehiclePurchase/change", "0.00"), ("threePublic/vehiclePurchase/changePercent", "0.00"),
        ("threePublic/vehicleOperation/change", "-10.72"), ("threePublic/vehicleOperation/changePercent", "-66.50"),
        ("threePublic/reception/change", "0.00"), ("threePublic/reception/changePercent", "0.00"),
        ("carryOver/total", "662.19"), ("carryOver/fiscal", "662.19"), ("carryOver/nonFiscal", "0.00"),
        ("carryOver/projects/C01", "18.27"), ("carryOver/projects/C02", "0.74"), ("carryOver/projects/C03", "189.64"), ("carryOver/projects/C04", "22.45"),
        ("carryOver/projects/C05", "150.00"), ("carryOver/projects/C06", "196.23"), ("carryOver/projects/C07", "45.00"), ("carryOver/projects/C08", "28.61"),
        ("carryOver/projects/C09", "11.25"),
        ("officeOperating/amount", "68.19"), ("officeOperating/change", "24.11"), ("officeOperating/changePercent", "54.70"),
        ("procurement/total", "130.26"), ("procurement/goods", "130.26"), ("procurement/works", "0.00"), ("procurement/services", "0.00"),
        ("procurement/smeReserved", "125.26"), ("procurement/smallMicroReserved", "125.26"),
        ("performance/unitTargets", "1"), ("performance/unitTargetsAmount", "7499.14"),
        ("performance/fiscalProjects", "19"), ("performance/fiscalProjectsAmount", "4990.00"),
        ("performance/nonFiscalProjects", "1"), ("performance/nonFiscalProjectsAmount", "648.20"),
        ("transferProjects", "12"), ("transferProjectsAmount", "2336.12"),
        ("carryOverProjects", "9"), ("carryOverProjectsAmount", "662.19"),
    ];

    public static TheoryData<string, string> Cases => [.. Published.Select(p => (p.Key, p.Value))];

    private static readonly Dictionary<string, ExplanationFigure> Computed = Compute();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Quoted_figure_equals_the_computed_one(string key, string printed)
    {
        Assert.True(Computed.TryGetValue(key, out var figure), $"no figure {key}");
        Assert.Equal(decimal.Parse(printed, CultureInfo.InvariantCulture), figure.Value);
    }

    private static Dictionary<string, ExplanationFigure> Compute()
    {
        var document = SeedBudget.Load();
        return ExplanationFigures.Compute(document, DisclosureTables.For(document)).ToDictionary(f => f.Key);
    }

    private static IEnumerable<(string, string)> Function(string code, string amount, string change, string percent) =>
    [
        ($"generalBudget/function/{code}/amount", amount),
        ($"generalBudget/function/{code}/change", change),
        ($"generalBudget/function/{code}/changePercent", percent),
    ];
}
