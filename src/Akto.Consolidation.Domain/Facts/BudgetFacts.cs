using Akto.Consolidation.Domain.Documents;

namespace Akto.Consolidation.Domain.Facts;

/// <summary>A project of a particular unit: project codes are unique only within their unit.</summary>
public readonly record struct ProjectRef(string UnitCode, string ProjectCode)
{
    public override string ToString() => $"{UnitCode}/{ProjectCode}";
}

/// <summary>The key of one joint expenditure cell.</summary>
public readonly record struct LineKey(
    string FunctionCode,
    ExpenditureCategory Category,
    string EconomicCode,
    FundSource FundSource,
    ProjectRef? Project);

/// <summary>What the tables need to know of a project besides its money.</summary>
/// <param name="Order">Position in its unit's document: the seed orders Table 7 and 11 rows this way.</param>
public sealed record ProjectInfo(ProjectRef Ref, string Name, ProjectKind Kind, int Order);

/// <summary>
/// The exact figures of one or more unit budgets, in 万元: the cube every disclosure table aggregates.
/// Facts of several units sum cell by cell, so a department's or the county's tables are the tables of the sum
/// (<see cref="Sum"/>), computed by the same code as a single unit's.
/// </summary>
public sealed class BudgetFacts
{
    private BudgetFacts(
        int year,
        IReadOnlyDictionary<FundSource, decimal> income,
        IReadOnlyDictionary<LineKey, decimal> lines,
        IReadOnlyDictionary<ProjectRef, ProjectInfo> projects,
        IReadOnlyDictionary<(ThreePublicItem Item, BudgetType BudgetType), decimal> threePublic,
        decimal officeOperatingAmount,
        int unitCount)
    {
        Year = year;
        Income = income;
        Lines = lines;
        Projects = projects;
        ThreePublic = threePublic;
        OfficeOperatingAmount = officeOperatingAmount;
        UnitCount = unitCount;
    }

    public int Year { get; }

    /// <summary>收入 by source (declared).</summary>
    public IReadOnlyDictionary<FundSource, decimal> Income { get; }

    /// <summary>支出 joint cells, zero cells removed.</summary>
    public IReadOnlyDictionary<LineKey, decimal> Lines { get; }

    public IReadOnlyDictionary<ProjectRef, ProjectInfo> Projects { get; }

    /// <summary>财政拨款"三公"经费 by item and budget type.</summary>
    public IReadOnlyDictionary<(ThreePublicItem Item, BudgetType BudgetType), decimal> ThreePublic { get; }

    /// <summary>机关运行经费.</summary>
    public decimal OfficeOperatingAmount { get; }

    /// <summary>How many unit budgets these facts sum.</summary>
    public int UnitCount { get; }

    public static BudgetFacts Empty(int year) => new(year, new Dictionary<FundSource, decimal>(), new Dictionary<LineKey, decimal>(), new Dictionary<ProjectRef, ProjectInfo>(), new Dictionary<(ThreePublicItem, BudgetType), decimal>(), 0m, 0);

    /// <summary>Normalises a document: amounts to 万元, duplicate keys summed, zero cells dropped.</summary>
    public static BudgetFacts FromDocument(BudgetDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var factor = CurrencyUnit.ToTenThousandYuanFactor(document.CurrencyUnit);

        var income = new Dictionary<FundSource, decimal>();
        foreach (var line in document.Income)
        {
            Add(income, line.Source, line.Amount * factor);
        }

        var lines = new Dictionary<LineKey, decimal>();
        foreach (var line in document.Lines)
        {
            ProjectRef? project = line.ProjectCode is { Length: > 0 } code ? new ProjectRef(document.UnitCode, code) : null;
            Add(lines, new LineKey(line.FunctionCode, line.Category, line.EconomicCode, line.FundSource, project), line.Amount * factor);
        }

        var projects = new Dictionary<ProjectRef, ProjectInfo>();
        for (var i = 0; i < document.Projects.Count; i++)
        {
            var project = document.Projects[i];
            var reference = new ProjectRef(document.UnitCode, project.Code);
            projects.TryAdd(reference, new ProjectInfo(reference, project.Name, project.Kind, i));
        }

        var threePublic = new Dictionary<(ThreePublicItem, BudgetType), decimal>();
        foreach (var expense in document.ThreePublicExpenses)
        {
            Add(threePublic, (expense.Item, expense.BudgetType), expense.Amount * factor);
        }

        return new BudgetFacts(
            document.Year,
            Prune(income),
            Prune(lines),
            projects,
            Prune(threePublic),
            (document.OfficeOperatingAmount ?? 0m) * factor,
            1);
    }

    /// <summary>
    /// Facts from their cells, as another process or a store hands them back: duplicate keys are summed and zero cells
    /// dropped, exactly as <see cref="FromDocument"/> and <see cref="Sum"/> leave them.
    /// </summary>
    public static BudgetFacts FromCells(
        int year,
        IEnumerable<KeyValuePair<FundSource, decimal>> income,
        IEnumerable<KeyValuePair<LineKey, decimal>> lines,
        IEnumerable<ProjectInfo> projects,
        IEnumerable<KeyValuePair<(ThreePublicItem Item, BudgetType BudgetType), decimal>> threePublic,
        decimal officeOperatingAmount,
        int unitCount)
    {
        var incomeCells = new Dictionary<FundSource, decimal>();
        foreach (var (key, value) in income)
        {
            Add(incomeCells, key, value);
        }

        var lineCells = new Dictionary<LineKey, decimal>();
        foreach (var (key, value) in lines)
        {
            Add(lineCells, key, value);
        }

        var projectInfos = new Dictionary<ProjectRef, ProjectInfo>();
        foreach (var project in projects)
        {
            projectInfos.TryAdd(project.Ref, project);
        }

        var threePublicCells = new Dictionary<(ThreePublicItem, BudgetType), decimal>();
        foreach (var (key, value) in threePublic)
        {
            Add(threePublicCells, key, value);
        }

        return new BudgetFacts(year, Prune(incomeCells), Prune(lineCells), projectInfos, Prune(threePublicCells), officeOperatingAmount, unitCount);
    }

    /// <summary>The cell-wise sum of several units' facts (consolidation).</summary>
    public static BudgetFacts Sum(int year, IEnumerable<BudgetFacts> parts)
    {
        var income = new Dictionary<FundSource, decimal>();
        var lines = new Dictionary<LineKey, decimal>();
        var projects = new Dictionary<ProjectRef, ProjectInfo>();
        var threePublic = new Dictionary<(ThreePublicItem, BudgetType), decimal>();
        var office = 0m;
        var units = 0;
        foreach (var part in parts)
        {
            if (part.Year != year)
            {
                throw new ArgumentException($"不能合并不同年度的预算 (cannot consolidate {part.Year} into {year}).", nameof(parts));
            }

            foreach (var (key, value) in part.Income)
            {
                Add(income, key, value);
            }

            foreach (var (key, value) in part.Lines)
            {
                Add(lines, key, value);
            }

            foreach (var (key, value) in part.Projects)
            {
                projects.TryAdd(key, value);
            }

            foreach (var (key, value) in part.ThreePublic)
            {
                Add(threePublic, key, value);
            }

            office += part.OfficeOperatingAmount;
            units += part.UnitCount;
        }

        return new BudgetFacts(year, Prune(income), Prune(lines), projects, Prune(threePublic), office, units);
    }

    /// <summary>True when both hold the same cells, projects, 机关运行经费 and unit count (amounts compared exactly).</summary>
    public bool HasSameCells(BudgetFacts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Year == other.Year
            && OfficeOperatingAmount == other.OfficeOperatingAmount
            && UnitCount == other.UnitCount
            && SameCells(Income, other.Income)
            && SameCells(Lines, other.Lines)
            && SameCells(ThreePublic, other.ThreePublic)
            && Projects.Count == other.Projects.Count
            && Projects.All(p => other.Projects.TryGetValue(p.Key, out var info) && info == p.Value);
    }

    /// <summary>Σ of the lines that satisfy <paramref name="predicate"/>.</summary>
    public decimal SumLines(Func<LineKey, bool> predicate)
    {
        var total = 0m;
        foreach (var (key, value) in Lines)
        {
            if (predicate(key))
            {
                total += value;
            }
        }

        return total;
    }

    /// <summary>Σ of the income lines that satisfy <paramref name="predicate"/>.</summary>
    public decimal SumIncome(Func<FundSource, bool> predicate) =>
        Income.Where(pair => predicate(pair.Key)).Sum(pair => pair.Value);

    private static bool SameCells<TKey>(IReadOnlyDictionary<TKey, decimal> left, IReadOnlyDictionary<TKey, decimal> right)
        where TKey : notnull =>
        left.Count == right.Count && left.All(cell => right.TryGetValue(cell.Key, out var value) && value == cell.Value);

    private static void Add<TKey>(Dictionary<TKey, decimal> target, TKey key, decimal value)
        where TKey : notnull =>
        target[key] = target.GetValueOrDefault(key) + value;

    private static Dictionary<TKey, decimal> Prune<TKey>(Dictionary<TKey, decimal> source)
        where TKey : notnull =>
        source.Where(pair => pair.Value != 0m).ToDictionary(pair => pair.Key, pair => pair.Value);
}
