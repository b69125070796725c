using System.Text;
using System.Text.Json.Nodes;
using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Validation;
using Akto.Consolidation.Synthetic;

namespace Akto.Consolidation.LoadDriver.Data;

/// <summary>The units a run submits, in load order, and the bytes of any version of their documents.</summary>
public abstract class UnitSet
{
    public abstract string Description { get; }

    public abstract IReadOnlyList<LoadUnit> Units { get; }

    public abstract byte[] Document(LoadUnit unit, int version);

    /// <summary>Every function and economic code the documents book on: the probe must use neither.</summary>
    public abstract (IReadOnlySet<string> Function, IReadOnlySet<string> Economic) UsedCodes { get; }

    /// <summary>Validates the first unit's document at every factor with the domain's rules: the load must never be rejected.</summary>
    public void CheckValid()
    {
        var unit = Units[0];
        for (var version = 1; version <= 3; version++)
        {
            var (_, report, _) = BudgetValidator.ReadAndValidate(Document(unit, version));
            if (report.HasErrors)
            {
                throw new InvalidOperationException($"{Description}: unit {unit.UnitCode} version {version} is invalid: "
                    + string.Join("; ", report.Errors.Take(5).Select(f => f.ToString())));
            }
        }
    }

    public static UnitSet Create(string kind, int units) => kind switch
    {
        "seed" => new SeedUnitSet(units),
        "generated" => new GeneratedUnitSet(units),
        _ => throw new ArgumentException($"--data must be seed or generated, not '{kind}'"),
    };
}

/// <summary>
/// The seed document (139001, 阿克陶县人力资源和社会保障局) under other unit codes in 100 departments: unit k is
/// <c>{400 + k % 100}{k / 100 + 1:D3}</c>, and the first unit of each department heads it.
/// </summary>
public sealed class SeedUnitSet : UnitSet
{
    private const string UnitToken = "@@UNIT@@", DepartmentToken = "@@DEPT@@", NameToken = "@@NAME@@";
    private const int Departments = 100;
    private readonly string[] _templates;
    private readonly (IReadOnlySet<string>, IReadOnlySet<string>) _codes;

    public SeedUnitSet(int count)
    {
        var seed = File.ReadAllBytes(SeedPath());
        _templates = [.. Enumerable.Range(1, 3).Select(factor =>
        {
            var node = JsonNode.Parse(seed)!;
            DocumentJson.Scale(node, factor);
            node["unitCode"] = UnitToken;
            node["departmentCode"] = DepartmentToken;
            node["unitName"] = NameToken;
            return node.ToJsonString();
        })];
        var lines = DocumentJson.Lines(seed);
        Units = [.. Enumerable.Range(0, count).Select(k =>
        {
            var department = $"{400 + k % Departments}001";
            return new LoadUnit(k, $"{400 + k % Departments}{k / Departments + 1:D3}", department, lines);
        })];
        _codes = (lines.Select(l => l.FunctionCode).ToHashSet(), lines.Select(l => l.EconomicCode).ToHashSet());
    }

    public override string Description => $"seed 139001 ×1–3 as {Units.Count} units in {Math.Min(Departments, Units.Count)} departments";

    public override IReadOnlyList<LoadUnit> Units { get; }

    public override (IReadOnlySet<string> Function, IReadOnlySet<string> Economic) UsedCodes => _codes;

    public override byte[] Document(LoadUnit unit, int version) => Encoding.UTF8.GetBytes(_templates[unit.FactorOf(version) - 1]
        .Replace(UnitToken, unit.UnitCode, StringComparison.Ordinal)
        .Replace(DepartmentToken, unit.DepartmentCode, StringComparison.Ordinal)
        .Replace(NameToken, $"阿克陶县预算单位{unit.UnitCode}", StringComparison.Ordinal));

    /// <summary>seeds/2024/akto-hrss.budget.json, found from the working directory or the program's folder upwards.</summary>
    private static string SeedPath()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var path = Path.Combine(dir.FullName, "seeds", "2024", "akto-hrss.budget.json");
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        throw new FileNotFoundException("seeds/2024/akto-hrss.budget.json not found above the working directory");
    }
}

/// <summary>
/// A synthetic county of branch h8gen (<see cref="SyntheticCounty"/>, seed 2024, one department per 100 units), its
/// units taken round-robin over the departments so that any prefix is a county with every department.
/// </summary>
public sealed class GeneratedUnitSet : UnitSet
{
    private readonly byte[][] _documents;
    private readonly (IReadOnlySet<string>, IReadOnlySet<string>) _codes;

    public GeneratedUnitSet(int count)
    {
        var departments = Math.Clamp(count / 100, 1, CountyOptions.MaxDepartments);
        var county = SyntheticCounty.Generate(new CountyOptions(count, departments, Seed: 2024), ClassificationCatalog.ForYear(2024));
        var ordered = county.Departments
            .SelectMany(d => d.Units.Select((document, position) => (document, position)))
            .OrderBy(p => p.position)
            .Select(p => p.document)
            .ToList();
        _documents = [.. ordered.Select(SyntheticCounty.Serialize)];
        Units = [.. ordered.Select((d, k) => new LoadUnit(k, d.UnitCode, d.DepartmentCode, DocumentJson.Lines(_documents[k])))];
        _codes = (ordered.SelectMany(d => d.Lines).Select(l => l.FunctionCode).ToHashSet(), ordered.SelectMany(d => d.Lines).Select(l => l.EconomicCode).ToHashSet());
        Description = $"synthetic county (h8gen, seed 2024): {count} units in {departments} departments";
    }

    public override string Description { get; }

    public override IReadOnlyList<LoadUnit> Units { get; }

    public override (IReadOnlySet<string> Function, IReadOnlySet<string> Economic) UsedCodes => _codes;

    public override byte[] Document(LoadUnit unit, int version)
    {
        var factor = unit.FactorOf(version);
        if (factor == 1)
        {
            return _documents[unit.Index];
        }

        var node = JsonNode.Parse(_documents[unit.Index])!;
        DocumentJson.Scale(node, factor);
        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }
}
