using Akto.Consolidation.Domain.Documents;
using L = Akto.Consolidation.Client.Forms.BudgetFormLayout;

namespace Akto.Consolidation.Client.Forms;

/// <summary>The budget document read from a form, or the cells that could not be used (then no document).</summary>
internal sealed record FormReadResult(BudgetDocument? Document, IReadOnlyList<FormProblem> Problems);

/// <summary>
/// Reads a 单位预算填报表 (<see cref="BudgetFormWriter"/>'s layout) back into a budget document. Every cell it cannot use
/// is reported with its sheet and address; rows left entirely blank are skipped; an optional part whose cells are all
/// blank is absent from the document. Structural and audit checks are the validator's job, not the reader's.
/// </summary>
internal static class BudgetFormReader
{
    /// <summary>Throws <see cref="InvalidDataException"/> when the stream is not an XLSX workbook.</summary>
    public static FormReadResult Read(Stream stream)
    {
        var sheets = XlsxWorkbookReader.Read(stream).ToDictionary(s => s.Name, StringComparer.Ordinal);
        var problems = new List<FormProblem>();
        var cells = new FormCells(problems);
        if (!sheets.TryGetValue(L.UnitSheet, out var unitSheet))
        {
            problems.Add(new FormProblem(L.UnitSheet, "A1", "缺少工作表“单位信息” (missing sheet: this is not an akto form)"));
            return new FormReadResult(null, problems);
        }

        var unit = new KeyValues(unitSheet, cells);
        var currency = unit.Text(L.CurrencyUnit) ?? CurrencyUnit.TenThousandYuan;
        if (CurrencyUnit.MaxDecimals(currency) is null)
        {
            unit.Problem(L.CurrencyUnit, $"金额单位应为 万元 或 元 (currency unit must be 万元 or 元): “{currency}”");
        }

        var year = unit.Integer(L.Year);
        if (year is null)
        {
            unit.Problem(L.Year, "必填 (required): 预算年度");
        }

        var projects = ReadProjects(Table(sheets, L.ProjectsSheet, L.ProjectHeaders, cells), cells);
        var (unitIndicators, projectIndicators) = ReadIndicators(Table(sheets, L.IndicatorsSheet, L.IndicatorHeaders, cells), cells, projects.Select(p => p.Code).ToHashSet());
        projects = [.. projects.Select(p => WithIndicators(p, projectIndicators))];
        var (current, prior) = ReadThreePublic(Table(sheets, L.ThreePublicSheet, L.ThreePublicHeaders, cells), cells);

        var document = new BudgetDocument
        {
            Year = year ?? 0,
            UnitCode = unit.Text(L.UnitCode) ?? "",
            UnitName = unit.Text(L.UnitName) ?? "",
            DepartmentCode = unit.Text(L.DepartmentCode) ?? "",
            CurrencyUnit = currency,
            PreparedOn = unit.Date(L.PreparedOn),
            OfficeOperatingAmount = unit.Decimal(L.OfficeOperating),
            Profile = ReadProfile(Table(sheets, L.ProfileSheet, L.ProfileHeaders, cells), cells),
            Staffing = ReadStaffing(Optional(sheets, L.StaffingSheet, cells)),
            Income = ReadIncome(Table(sheets, L.IncomeSheet, L.IncomeHeaders, cells), cells),
            Lines = ReadLines(Table(sheets, L.LinesSheet, L.LineHeaders, cells), cells),
            Projects = projects,
            ThreePublicExpenses = current,
            Procurement = ReadProcurement(Optional(sheets, L.ProcurementSheet, cells)),
            Assets = ReadAssets(Optional(sheets, L.AssetsSheet, cells), Table(sheets, L.VehiclesSheet, L.VehicleHeaders, cells), cells),
            UnitPerformance = ReadUnitPerformance(Optional(sheets, L.UnitPerformanceSheet, cells), unitIndicators),
            PriorYear = ReadPriorYear(Optional(sheets, L.PriorYearSheet, cells), Table(sheets, L.PriorIncomeSheet, L.IncomeHeaders, cells), Table(sheets, L.PriorFunctionSheet, L.PriorFunctionHeaders, cells), prior, cells),
            Explanations = ReadExplanations(Table(sheets, L.ExplanationsSheet, L.ExplanationHeaders, cells), cells),
            Derivations = ReadDerivations(Table(sheets, L.DerivationsSheet, L.DerivationHeaders, cells)),
        };

        return problems.Count == 0 ? new FormReadResult(document, []) : new FormReadResult(null, problems);
    }

    private static TableRows? Table(Dictionary<string, XlsxSheet> sheets, string name, string[] headers, FormCells cells) =>
        sheets.TryGetValue(name, out var sheet) ? new TableRows(sheet, headers, cells) : null;

    private static KeyValues? Optional(Dictionary<string, XlsxSheet> sheets, string name, FormCells cells) =>
        sheets.TryGetValue(name, out var sheet) ? new KeyValues(sheet, cells) : null;

    private static UnitProfile? ReadProfile(TableRows? table, FormCells cells)
    {
        if (table is null || !table.Rows.Any())
        {
            return null;
        }

        List<string> functions = [], divisions = [], subordinates = [];
        foreach (var row in table.Rows)
        {
            var kind = table.Text(row, 0);
            var text = table.Text(row, 1) ?? "";
            var list = kind switch
            {
                FormLabels.Function => functions,
                FormLabels.Division => divisions,
                FormLabels.Subordinate => subordinates,
                _ => null,
            };
            if (list is null)
            {
                table.Problem(row, 0, $"类别应为 {FormLabels.Function}、{FormLabels.Division} 或 {FormLabels.Subordinate}: “{kind}”");
                continue;
            }

            list.Add(text);
        }

        return new UnitProfile { Functions = functions, InternalDivisions = divisions, SubordinateUnits = subordinates };
    }

    private static Staffing? ReadStaffing(KeyValues? sheet)
    {
        if (sheet is null)
        {
            return null;
        }

        var v = L.StaffingLabels.Select(sheet.Integer).ToList();
        return v.All(x => x is null) ? null : new Staffing
        {
            AuthorizedPosts = v[0] ?? 0, ActualHeadcount = v[1] ?? 0, InService = v[2] ?? 0, InServiceChange = v[3] ?? 0,
            Retired = v[4] ?? 0, RetiredChange = v[5] ?? 0, RetiredCadres = v[6] ?? 0, RetiredCadresChange = v[7] ?? 0,
        };
    }

    private static List<IncomeLine> ReadIncome(TableRows? table, FormCells cells)
    {
        var lines = new List<IncomeLine>();
        foreach (var row in table?.Rows ?? [])
        {
            var source = table!.Required(row, 0, c => cells.Choice(table.Sheet, row, c, FormLabels.FundSources));
            var amount = table.Required(row, 1, c => cells.Decimal(table.Sheet, row, c));
            lines.Add(new IncomeLine { Source = source ?? default, Amount = amount ?? 0m, PayerUnitCode = table.Text(row, 2) });
        }

        return lines;
    }

    private static List<ExpenditureLine> ReadLines(TableRows? table, FormCells cells)
    {
        var lines = new List<ExpenditureLine>();
        foreach (var row in table?.Rows ?? [])
        {
            var t = table!;
            var derived = t.Text(row, 7);
            if (derived is not (null or FormLabels.Yes or FormLabels.No))
            {
                t.Problem(row, 7, $"推算应为 {FormLabels.Yes} 或 {FormLabels.No}: “{derived}”");
            }

            lines.Add(new ExpenditureLine
            {
                FunctionCode = t.Required(row, 0, c => cells.Code(t.Sheet, row, c)) ?? "",
                Category = t.Required(row, 1, c => cells.Choice(t.Sheet, row, c, FormLabels.Categories)) ?? default,
                EconomicCode = t.Required(row, 2, c => cells.Code(t.Sheet, row, c)) ?? "",
                FundSource = t.Required(row, 3, c => cells.Choice(t.Sheet, row, c, FormLabels.FundSources)) ?? default,
                ProjectCode = t.Text(row, 4),
                Amount = t.Required(row, 5, c => cells.Decimal(t.Sheet, row, c)) ?? 0m,
                PayeeUnitCode = t.Text(row, 6),
                Derived = derived == FormLabels.Yes,
            });
        }

        return lines;
    }

    private static List<BudgetProject> ReadProjects(TableRows? table, FormCells cells)
    {
        var projects = new List<BudgetProject>();
        foreach (var row in table?.Rows ?? [])
        {
            var t = table!;
            var subsidyColumns = Enumerable.Range(10, 7).Any(c => t.Text(row, c) is not null);
            var performanceColumns = Enumerable.Range(17, 5).Any(c => t.Text(row, c) is not null);
            projects.Add(new BudgetProject
            {
                Code = t.RequiredText(row, 0) ?? "",
                Name = t.RequiredText(row, 1) ?? "",
                Kind = t.Required(row, 2, c => cells.Choice(t.Sheet, row, c, FormLabels.ProjectKinds)) ?? default,
                Amount = t.Required(row, 3, c => cells.Decimal(t.Sheet, row, c)) ?? 0m,
                PolicyBasis = t.Text(row, 4),
                Undertaker = t.Text(row, 5),
                Allocation = t.Text(row, 6),
                StartsOn = t.At(row, 7, c => cells.Date(t.Sheet, row, c)),
                EndsOn = t.At(row, 8, c => cells.Date(t.Sheet, row, c)),
                Purpose = t.Text(row, 9),
                Subsidy = !subsidyColumns ? null : new SubsidyDetails
                {
                    FundingNote = t.Text(row, 10),
                    Recipients = t.At(row, 11, c => cells.Integer(t.Sheet, row, c)),
                    Standard = t.Text(row, 12),
                    Scope = t.Text(row, 13),
                    Method = t.Text(row, 14),
                    Procedure = t.Text(row, 15),
                    Beneficiaries = t.Text(row, 16),
                },
                Performance = !performanceColumns ? null : new ProjectPerformance
                {
                    Manager = t.Text(row, 17),
                    AnnualBudgetAmount = t.At(row, 18, c => cells.Decimal(t.Sheet, row, c)) ?? 0m,
                    FiscalAmount = t.At(row, 19, c => cells.Decimal(t.Sheet, row, c)) ?? 0m,
                    OtherAmount = t.At(row, 20, c => cells.Decimal(t.Sheet, row, c)) ?? 0m,
                    Goal = t.Text(row, 21),
                },
            });
        }

        return projects;
    }

    private static (List<PerformanceIndicator> Unit, Dictionary<string, List<PerformanceIndicator>> Projects) ReadIndicators(TableRows? table, FormCells cells, HashSet<string> projectCodes)
    {
        var unit = new List<PerformanceIndicator>();
        var projects = new Dictionary<string, List<PerformanceIndicator>>(StringComparer.Ordinal);
        foreach (var row in table?.Rows ?? [])
        {
            var t = table!;
            var owner = t.RequiredText(row, 0);
            var op = t.Text(row, 10);
            var target = t.At(row, 11, c => cells.Decimal(t.Sheet, row, c));
            if (op is not (null or "=" or ">=" or "<=" or ">" or "<"))
            {
                t.Problem(row, 10, $"目标运算符应为 =、>=、<=、> 或 <: “{op}”");
            }

            var indicator = new PerformanceIndicator
            {
                Level1 = t.RequiredText(row, 1) ?? "",
                Level2 = t.Text(row, 2) ?? "",
                Level3 = t.Text(row, 3) ?? "",
                Value = t.Text(row, 4) ?? "",
                Basis = t.Text(row, 5),
                PriorValue = t.Text(row, 6),
                Weight = t.At(row, 7, c => cells.Decimal(t.Sheet, row, c)),
                ScoringRule = t.Text(row, 8),
                Evidence = t.Text(row, 9),
                Target = op is null && target is null ? null : new IndicatorTarget { Operator = op ?? "=", Value = target ?? 0m, Unit = t.Text(row, 12) },
                Measures = t.At(row, 13, c => cells.Choice(t.Sheet, row, c, FormLabels.Measures)) ?? IndicatorMeasure.None,
            };
            if (owner == FormLabels.UnitOwner)
            {
                unit.Add(indicator);
            }
            else if (owner is not null && projectCodes.Contains(owner))
            {
                (projects.TryGetValue(owner, out var list) ? list : projects[owner] = []).Add(indicator);
            }
            else if (owner is not null)
            {
                t.Problem(row, 0, $"所属应为“{FormLabels.UnitOwner}”或项目表中的项目编码 (unknown owner): “{owner}”");
            }
        }

        return (unit, projects);
    }

    private static BudgetProject WithIndicators(BudgetProject project, Dictionary<string, List<PerformanceIndicator>> indicators)
    {
        if (!indicators.TryGetValue(project.Code, out var list))
        {
            return project;
        }

        return project with { Performance = (project.Performance ?? new ProjectPerformance()) with { Indicators = list } };
    }

    private static (List<ThreePublicExpense> Current, List<ThreePublicExpense> Prior) ReadThreePublic(TableRows? table, FormCells cells)
    {
        List<ThreePublicExpense> current = [], prior = [];
        foreach (var row in table?.Rows ?? [])
        {
            var t = table!;
            var year = t.Text(row, 0) ?? FormLabels.CurrentYear;
            var expense = new ThreePublicExpense
            {
                Item = t.Required(row, 1, c => cells.Choice(t.Sheet, row, c, FormLabels.ThreePublicItems)) ?? default,
                BudgetType = t.Required(row, 2, c => cells.Choice(t.Sheet, row, c, FormLabels.BudgetTypes)) ?? default,
                Amount = t.Required(row, 3, c => cells.Decimal(t.Sheet, row, c)) ?? 0m,
            };
            if (year == FormLabels.CurrentYear)
            {
                current.Add(expense);
            }
            else if (year == FormLabels.PriorYear)
            {
                prior.Add(expense);
            }
            else
            {
                t.Problem(row, 0, $"年度应为 {FormLabels.CurrentYear} 或 {FormLabels.PriorYear}: “{year}”");
            }
        }

        return (current, prior);
    }

    private static Procurement? ReadProcurement(KeyValues? sheet)
    {
        var v = sheet is null ? [] : L.ProcurementLabels.Select(sheet.Decimal).ToList();
        return v.All(x => x is null) ? null : new Procurement
        {
            GoodsAmount = v[0] ?? 0m, WorksAmount = v[1] ?? 0m, ServicesAmount = v[2] ?? 0m, SmeReservedAmount = v[3] ?? 0m, SmallMicroReservedAmount = v[4] ?? 0m,
            SmeEligibleGoodsAmount = v[5], SmeEligibleWorksAmount = v[6], SmeEligibleServicesAmount = v[7],
        };
    }

    private static AssetHoldings? ReadAssets(KeyValues? sheet, TableRows? vehicles, FormCells cells)
    {
        var asOf = sheet?.Date(L.AssetLabels[0]);
        var amounts = sheet is null ? [null, null, null, null] : L.AssetLabels[1..5].Select(sheet.Decimal).ToList();
        var counts = sheet is null ? [null, null, null, null, null] : L.AssetLabels[5..10].Select(sheet.Integer).ToList();
        var vehicleCount = sheet?.Integer(L.AssetLabels[10]);
        var vehicleValue = sheet?.Decimal(L.AssetLabels[11]);
        var vehicleList = new List<VehicleHolding>();
        foreach (var row in vehicles?.Rows ?? [])
        {
            var t = vehicles!;
            vehicleList.Add(new VehicleHolding
            {
                Kind = t.RequiredText(row, 0) ?? "",
                Count = t.At(row, 1, c => cells.Integer(t.Sheet, row, c)) ?? 0,
                ValueAmount = t.At(row, 2, c => cells.Decimal(t.Sheet, row, c)) ?? 0m,
            });
        }

        if (asOf is null && amounts.All(x => x is null) && counts.All(x => x is null) && vehicleList.Count == 0 && vehicleCount is null && vehicleValue is null)
        {
            return null;
        }

        return new AssetHoldings
        {
            AsOf = asOf,
            BuildingArea = amounts[0] ?? 0m,
            BuildingValueAmount = amounts[1] ?? 0m,
            FurnitureValueAmount = amounts[2] ?? 0m,
            OtherAssetsValueAmount = amounts[3] ?? 0m,
            Vehicles = vehicleList,
            EquipmentOver50 = counts[0] ?? 0,
            EquipmentOver100 = counts[1] ?? 0,
            PlannedVehiclePurchases = counts[2] ?? 0,
            PlannedEquipmentOver50 = counts[3] ?? 0,
            PlannedEquipmentOver100 = counts[4] ?? 0,
            VehicleCount = vehicleCount,
            VehicleValueAmount = vehicleValue,
        };
    }

    private static UnitPerformance? ReadUnitPerformance(KeyValues? sheet, List<PerformanceIndicator> indicators)
    {
        var texts = sheet is null ? [null, null, null] : L.UnitPerformanceLabels[..3].Select(sheet.Text).ToList();
        var amounts = sheet is null ? [null, null, null] : L.UnitPerformanceLabels[3..].Select(sheet.Decimal).ToList();
        if (texts.All(x => x is null) && amounts.All(x => x is null) && indicators.Count == 0)
        {
            return null;
        }

        return new UnitPerformance
        {
            Contact = texts[0], Phone = texts[1], Goal = texts[2],
            SuperiorFundsAmount = amounts[0] ?? 0m, LocalFundsAmount = amounts[1] ?? 0m, OtherFundsAmount = amounts[2] ?? 0m,
            Indicators = indicators,
        };
    }

    private static PriorYearBudget? ReadPriorYear(KeyValues? sheet, TableRows? income, TableRows? functions, List<ThreePublicExpense> threePublic, FormCells cells)
    {
        var amounts = sheet is null ? [null, null, null, null, null] : L.PriorYearLabels.Select(sheet.Decimal).ToList();
        var incomeLines = ReadIncome(income, cells);
        var byFunction = new List<FunctionAmount>();
        foreach (var row in functions?.Rows ?? [])
        {
            var t = functions!;
            byFunction.Add(new FunctionAmount
            {
                FunctionCode = t.Required(row, 0, c => cells.Code(t.Sheet, row, c)) ?? "",
                Amount = t.Required(row, 1, c => cells.Decimal(t.Sheet, row, c)) ?? 0m,
            });
        }

        if (amounts.All(x => x is null) && incomeLines.Count == 0 && byFunction.Count == 0 && threePublic.Count == 0)
        {
            return null;
        }

        return new PriorYearBudget
        {
            Income = incomeLines,
            BasicAmount = amounts[0] ?? 0m,
            ProjectAmount = amounts[1] ?? 0m,
            GeneralBudgetBasicAmount = amounts[2] ?? 0m,
            GeneralBudgetProjectAmount = amounts[3] ?? 0m,
            GeneralBudgetByFunction = byFunction,
            ThreePublicExpenses = threePublic,
            OfficeOperatingAmount = amounts[4],
        };
    }

    private static List<Explanation> ReadExplanations(TableRows? table, FormCells cells)
    {
        var list = new List<Explanation>();
        foreach (var row in table?.Rows ?? [])
        {
            var t = table!;
            list.Add(new Explanation
            {
                Subject = t.RequiredText(row, 0) ?? "",
                Kind = t.Required(row, 1, c => cells.Choice(t.Sheet, row, c, FormLabels.ExplanationKinds)) ?? default,
                Text = t.RequiredText(row, 2) ?? "",
            });
        }

        return list;
    }

    private static List<Derivation> ReadDerivations(TableRows? table) =>
        [.. (table?.Rows ?? []).Select(row => new Derivation { Subject = table!.Text(row, 0) ?? "", Method = table.Text(row, 1) ?? "" })];

    /// <summary>A table sheet: its columns found by header text (row 1), and the rows below that are not blank.</summary>
    private sealed class TableRows
    {
        private readonly int[] _columns;
        private readonly FormCells _cells;

        public TableRows(XlsxSheet sheet, string[] headers, FormCells cells)
        {
            Sheet = sheet;
            _cells = cells;
            var found = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var c = 0; c <= sheet.LastColumn; c++)
            {
                found.TryAdd(sheet.Text(1, c), c);
            }

            _columns = [.. headers.Select(h => found.TryGetValue(h, out var c) ? c : -1)];
            for (var i = 0; i < headers.Length; i++)
            {
                if (_columns[i] < 0)
                {
                    cells.Problem(sheet, 1, sheet.LastColumn + 1, $"缺少列“{headers[i]}” (missing column)");
                }
            }

            var used = _columns.Where(c => c >= 0).ToArray();
            Rows = [.. Enumerable.Range(2, Math.Max(0, sheet.LastRow - 1)).Where(r => used.Any(c => sheet.Text(r, c).Length > 0))];
        }

        public XlsxSheet Sheet { get; }

        public IReadOnlyList<int> Rows { get; }

        public string? Text(int row, int index) => _columns[index] < 0 ? null : FormCells.Text(Sheet, row, _columns[index])?.Trim();

        public T? At<T>(int row, int index, Func<int, T?> read) => _columns[index] < 0 ? default : read(_columns[index]);

        /// <summary>A value the row cannot do without: blank is a problem at that cell.</summary>
        public T? Required<T>(int row, int index, Func<int, T?> read)
        {
            if (_columns[index] < 0)
            {
                return default;
            }

            if (FormCells.Text(Sheet, row, _columns[index]) is null)
            {
                _cells.Problem(Sheet, row, _columns[index], "必填 (required)");
                return default;
            }

            return read(_columns[index]);
        }

        public string? RequiredText(int row, int index) => Required(row, index, c => FormCells.Text(Sheet, row, c)?.Trim());

        public void Problem(int row, int index, string message) => _cells.Problem(Sheet, row, Math.Max(0, _columns[index]), message);
    }

    /// <summary>A key–value sheet: the value (column B) of the row whose column A holds a label.</summary>
    private sealed class KeyValues(XlsxSheet sheet, FormCells cells)
    {
        private readonly Dictionary<string, int> _rows = Enumerable.Range(2, Math.Max(0, sheet.LastRow - 1))
            .GroupBy(r => sheet.Text(r, 0)).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        public string? Text(string label) => Row(label) is { } row ? FormCells.Text(sheet, row, 1)?.Trim() : null;

        public decimal? Decimal(string label) => Row(label) is { } row ? cells.Decimal(sheet, row, 1) : null;

        public int? Integer(string label) => Row(label) is { } row ? cells.Integer(sheet, row, 1) : null;

        public DateOnly? Date(string label) => Row(label) is { } row ? cells.Date(sheet, row, 1) : null;

        public void Problem(string label, string message) => cells.Problem(sheet, Row(label) ?? 1, 1, message);

        private int? Row(string label) => _rows.TryGetValue(label, out var row) ? row : null;
    }
}
