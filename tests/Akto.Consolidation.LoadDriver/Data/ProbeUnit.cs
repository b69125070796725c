using System.Globalization;
using System.Text;
using Akto.Consolidation.Domain.Classification;

namespace Akto.Consolidation.LoadDriver.Data;

/// <summary>
/// The staleness probe: unit 999001, alone in its own department, booking one basic line on a function 项 and an
/// economic 款 no unit of the load uses, so its figure in the trees is its own. Version v books 10 + v/100 万元.
/// </summary>
public sealed class ProbeUnit
{
    public const string UnitCode = "999001";

    private ProbeUnit(string functionCode, string economicCode)
    {
        FunctionCode = functionCode;
        EconomicCode = economicCode;
    }

    public string DepartmentScope => $"department:{UnitCode}";

    /// <summary>支出功能分类 项 of the probe's line.</summary>
    public string FunctionCode { get; }

    /// <summary>经济分类 款 of the probe's line (a 302 商品和服务支出 code when one is free).</summary>
    public string EconomicCode { get; }

    public static decimal AmountOf(int version) => version <= 0 ? 0m : 10m + version / 100m;

    /// <summary>Picks the probe's codes from the 2024 catalog: the first bookable ones the load does not use.</summary>
    public static ProbeUnit For(UnitSet units)
    {
        var catalog = ClassificationCatalog.ForYear(2024);
        var (usedFunctions, usedEconomics) = units.UsedCodes;
        var function = catalog.Entries(ClassificationTree.Function)
            .First(e => catalog.IsBookable(ClassificationTree.Function, e.Code) && !usedFunctions.Contains(e.Code)
                && !usedFunctions.Any(u => u.StartsWith(e.Code[..5], StringComparison.Ordinal)));
        var economic = catalog.Entries(ClassificationTree.Economic)
            .Where(e => catalog.IsBookable(ClassificationTree.Economic, e.Code) && !usedEconomics.Contains(e.Code))
            .OrderBy(e => e.Code.StartsWith("302", StringComparison.Ordinal) ? 0 : 1)
            .First();
        return new ProbeUnit(function.Code, economic.Code);
    }

    public byte[] Document(int version)
    {
        var amount = AmountOf(version).ToString(CultureInfo.InvariantCulture);
        return Encoding.UTF8.GetBytes($$"""
            {"formatVersion":1,"year":2024,"unitCode":"{{UnitCode}}","unitName":"时效探针单位","departmentCode":"{{UnitCode}}","currencyUnit":"万元",
             "income":[{"source":"generalBudget","amount":{{amount}}}],
             "lines":[{"functionCode":"{{FunctionCode}}","category":"basic","economicCode":"{{EconomicCode}}","fundSource":"generalBudget","amount":{{amount}}}]}
            """);
    }
}
