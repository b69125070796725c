using System.Globalization;
using System.Text;
using System.Text.Json;
using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Documents;

namespace Akto.Consolidation.Synthetic;

/// <summary>A department of a synthetic county: its own unit (code = department code) first, then its subordinates.</summary>
public sealed record SyntheticDepartment(string Code, string Name, DepartmentKind Kind, IReadOnlyList<BudgetDocument> Units);

/// <summary>
/// 合成县: every unit's budget of a county, drawn from department archetypes and the year's classification catalog.
/// The same options and catalog always give byte-identical documents (a seeded <see cref="Random"/>, invariant
/// formatting, stable ordering; no clock, no GUIDs).
/// </summary>
public sealed class SyntheticCounty
{
    private const string CountyName = "阿克陶县";

    private SyntheticCounty(CountyOptions options, IReadOnlyList<SyntheticDepartment> departments)
    {
        Options = options;
        Departments = departments;
        Documents = [.. departments.SelectMany(d => d.Units)];
        FunctionClasses = [.. Documents.SelectMany(d => d.Lines).Select(l => ClassificationCodes.ClassOf(l.FunctionCode)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    public CountyOptions Options { get; }

    public IReadOnlyList<SyntheticDepartment> Departments { get; }

    /// <summary>Every unit's document, department by department.</summary>
    public IReadOnlyList<BudgetDocument> Documents { get; }

    /// <summary>The function 类 the county books on, in code order.</summary>
    public IReadOnlyList<string> FunctionClasses { get; }

    /// <summary>Generates a county from <paramref name="catalog"/> (which must be the catalog of <c>options.Year</c>).</summary>
    public static SyntheticCounty Generate(CountyOptions options, ClassificationCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(catalog);
        options.Validate();
        if (catalog.Year != options.Year)
        {
            throw new ArgumentException($"科目目录年度 {catalog.Year} 与预算年度 {options.Year} 不符 (catalog year differs).", nameof(catalog));
        }

        var codes = new CatalogCodes(catalog);
        var random = new Random(options.Seed);
        var archetypes = Enumerable.Range(0, options.Departments).Select(ArchetypeAt).ToList();
        var subordinateCounts = SubordinateCounts(archetypes, options.Units - options.Departments, random);
        var departments = new List<SyntheticDepartment>();
        for (var i = 0; i < archetypes.Count; i++)
        {
            departments.Add(Department(archetypes[i], $"{(301 + i).ToString(CultureInfo.InvariantCulture)}", subordinateCounts[i], codes, random));
        }

        return new SyntheticCounty(options, departments);
    }

    /// <summary>The i-th department: the distinct kinds first (their order covers the most 类 early), then townships.</summary>
    private static (DepartmentArchetype Archetype, string Name) ArchetypeAt(int index)
    {
        if (index < Archetypes.All.Count)
        {
            var archetype = Archetypes.All[index];
            return (archetype, CountyName + archetype.Name);
        }

        var town = index - Archetypes.All.Count;
        var name = Archetypes.Towns[town % Archetypes.Towns.Count];
        var round = town / Archetypes.Towns.Count;
        return (Archetypes.Township, $"{CountyName}{name}{(round == 0 ? "" : $"第{Ordinal(round + 1)}片区")}{Archetypes.Township.Name}");
    }

    /// <summary>Subordinate units go to departments in proportion to how many a department of that kind typically has.</summary>
    private static int[] SubordinateCounts(IReadOnlyList<(DepartmentArchetype Archetype, string Name)> archetypes, int subordinates, Random random)
    {
        var counts = new int[archetypes.Count];
        var weights = archetypes.Select(a => a.Archetype.Subordinates.Length == 0 ? 0 : Math.Max(1, a.Archetype.SubordinateWeight)).ToArray();
        for (var n = 0; n < subordinates; n++)
        {
            var open = Enumerable.Range(0, counts.Length).Where(i => weights[i] > 0 && counts[i] < CountyOptions.MaxUnitsPerDepartment - 1).ToList();
            if (open.Count == 0)
            {
                // Only kinds without subordinates (or all full): subordinate units become service centres of any department.
                open = [.. Enumerable.Range(0, counts.Length).Where(i => counts[i] < CountyOptions.MaxUnitsPerDepartment - 1)];
                foreach (var i in open)
                {
                    weights[i] = Math.Max(weights[i], 1);
                }
            }

            var total = open.Sum(i => weights[i]);
            var draw = random.Next(total);
            foreach (var i in open)
            {
                draw -= weights[i];
                if (draw < 0)
                {
                    counts[i]++;
                    break;
                }
            }
        }

        return counts;
    }

    private static SyntheticDepartment Department((DepartmentArchetype Archetype, string Name) entry, string prefix, int subordinateCount, CatalogCodes codes, Random random)
    {
        var (archetype, name) = entry;
        var headCode = prefix + "001";
        var headOperating = codes.FunctionOrFallback(archetype.AdministrationCodes);
        var templates = archetype.Subordinates.Length > 0
            ? archetype.Subordinates
            : [new UnitTemplate($"{name}{{0}}服务中心", [.. archetype.AdministrationCodes.Select(c => c[..5] + "50"), .. archetype.AdministrationCodes], 5, 20, OwnIncome.None, "承担部门事务性服务工作", [])];
        var uses = new Dictionary<UnitTemplate, int>();
        var subordinates = new List<UnitPlan>();
        for (var j = 0; j < subordinateCount; j++)
        {
            // Every kind of subordinate once, then the common ones again (schools, clinics, police stations …).
            var template = j < templates.Length ? templates[j] : templates[random.Next(templates.Length)];
            var use = uses.GetValueOrDefault(template);
            uses[template] = use + 1;
            subordinates.Add(new UnitPlan(
                UnitCode: prefix + (j + 2).ToString("000", CultureInfo.InvariantCulture),
                UnitName: SubordinateName(template.Name, use),
                DepartmentCode: headCode,
                Kind: archetype.Kind,
                IsHead: false,
                OperatingCode: codes.FunctionOrFallback([.. template.OperatingCodes, headOperating]),
                MinStaff: template.MinStaff,
                MaxStaff: template.MaxStaff,
                OwnIncome: template.OwnIncome,
                Functions: [template.Function],
                Divisions: [],
                Projects: template.Projects,
                Subordinates: [],
                LawEnforcementVehicles: false,
                Seed: random.Next()));
        }

        var head = new UnitPlan(
            headCode, name, headCode, archetype.Kind, IsHead: true, headOperating, archetype.MinStaff, archetype.MaxStaff,
            OwnIncome.None, archetype.Functions, archetype.Divisions, archetype.Projects, [.. subordinates.Select(s => s.UnitCode)],
            archetype.LawEnforcementVehicles, random.Next());

        // 内部往来: the head subsidises some subordinates; subordinates with 事业收入 may remit to the head.
        var transfers = new List<TransferPlan>();
        foreach (var sub in subordinates)
        {
            if (random.Next(100) < 30)
            {
                transfers.Add(new TransferPlan(headCode, sub.UnitCode, random.Next(500, 5001) / 100m, FromSuperior: true, sub.OperatingCode));
            }

            if (sub.OwnIncome == OwnIncome.BusinessIncome && random.Next(100) < 40)
            {
                transfers.Add(new TransferPlan(sub.UnitCode, headCode, random.Next(200, 3001) / 100m, FromSuperior: false, headOperating));
            }
        }

        var units = new List<BudgetDocument>();
        foreach (var plan in subordinates.Prepend(head))
        {
            var own = transfers.Where(t => t.PayerUnitCode == plan.UnitCode || t.PayeeUnitCode == plan.UnitCode).ToList();
            units.Add(new UnitBudgetBuilder(plan, codes, own).Build());
        }

        return new SyntheticDepartment(headCode, name, archetype.Kind, units);
    }

    private static string SubordinateName(string pattern, int use)
    {
        var towns = Archetypes.Towns;
        var town = towns[use % towns.Count] + (use < towns.Count ? "" : $"第{Ordinal((use / towns.Count) + 1)}");
        var name = pattern.Replace("{0}", town, StringComparison.Ordinal).Replace("{1}", Ordinal(use + 1), StringComparison.Ordinal);
        return pattern.Contains('{', StringComparison.Ordinal) || use == 0 ? name : $"{name}（{Ordinal(use + 1)}）";
    }

    /// <summary>一, 二, … 十, then digits.</summary>
    private static string Ordinal(int n) =>
        n is >= 1 and <= 10 ? "一二三四五六七八九十"[n - 1].ToString() : n.ToString(CultureInfo.InvariantCulture);

    /// <summary>The document as written: indented JSON of the budget-document format, UTF-8, ending in a newline.</summary>
    public static byte[] Serialize(BudgetDocument document) =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(document, BudgetJson.Indented).ReplaceLineEndings("\n") + "\n");

    /// <summary>Where a unit's file goes under the output directory: <c>{departmentCode}/{unitCode}.budget.json</c>.</summary>
    public static string RelativePath(BudgetDocument document) =>
        Path.Combine(document.DepartmentCode, document.UnitCode + ".budget.json");

    /// <summary>Writes one file per unit under a folder per department, and <c>county.json</c>: the index.</summary>
    public void WriteTo(string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var document in Documents)
        {
            var path = Path.Combine(directory, RelativePath(document));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, Serialize(document));
        }

        File.WriteAllBytes(Path.Combine(directory, "county.json"), IndexJson());
    }

    /// <summary>county.json: options, the function 类 covered, and every department with its units' files.</summary>
    public byte[] IndexJson()
    {
        var index = new
        {
            name = CountyName,
            year = Options.Year,
            seed = Options.Seed,
            units = Documents.Count,
            departments = Departments.Select(d => new
            {
                code = d.Code,
                name = d.Name,
                kind = d.Kind.ToString(),
                units = d.Units.Select(u => new { code = u.UnitCode, name = u.UnitName, file = RelativePath(u).Replace('\\', '/') }),
            }),
            functionClasses = FunctionClasses,
        };
        return Encoding.UTF8.GetBytes(JsonSerializer.Serialize(index, BudgetJson.Indented).ReplaceLineEndings("\n") + "\n");
    }
}
