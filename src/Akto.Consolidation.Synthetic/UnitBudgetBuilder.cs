using System.Globalization;
using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Disclosure;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Domain.Explanations;

namespace Akto.Consolidation.Synthetic;

/// <summary>
/// Draws one unit's budget from its plan: basic spending from headcount and per-person rates, projects from the
/// archetype's templates, carry-over, internal transfers, 三公, procurement, assets, performance targets and the prior
/// year with reasons. Amounts are 万元 to 2 decimals (exact decimals, never floating point); every figure the validator
/// compares (income by source, project amounts, control figures, 机关运行经费, 三公) is computed from the lines, so the
/// document is valid by construction.
/// </summary>
internal sealed class UnitBudgetBuilder
{
    // Column names of the disclosure JSON contract (Tables 5 and 6), which the control figures quote.
    private const string Personnel = "一般公共预算基本支出/人员经费";
    private const string PublicExpenses = "一般公共预算基本支出/公用经费";
    private const string ProjectSpending = "一般公共预算支出/项目支出";

    private static readonly string[] GoodsCodes = ["30201", "30202", "30218", "31002", "31003", "31007", "31013"];
    private static readonly string[] WorksCodes = ["31005", "31006", "30905"];
    private static readonly string[] ServicesCodes = ["30226", "30227"];

    private readonly UnitPlan _plan;
    private readonly CatalogCodes _codes;
    private readonly IReadOnlyList<TransferPlan> _transfers;
    private readonly Random _random;
    private readonly Dictionary<(string Function, ExpenditureCategory Category, string Economic, FundSource Source, string? Project, string? Payee), decimal> _cells = [];
    private readonly List<BudgetProject> _projects = [];
    private int _transferPercent;
    private int _fiscalPercent;
    private int _plannedCars;

    public UnitBudgetBuilder(UnitPlan plan, CatalogCodes codes, IReadOnlyList<TransferPlan> transfers)
    {
        _plan = plan;
        _codes = codes;
        _transfers = transfers;
        _random = new Random(plan.Seed);
    }

    private int Year => _codes.Year;

    private string Op => _plan.OperatingCode;

    public BudgetDocument Build()
    {
        var staff = _random.Next(_plan.MinStaff, _plan.MaxStaff + 1);
        var retired = _random.Next(staff / 6, (staff / 2) + 1);
        var cadres = _plan.Administrative && _random.Next(5) == 0 ? 1 : 0;
        var vehicles = Vehicles(staff);

        // 上级转移支付 pays part of the salaries in many sectors; institutions with own income pay part of their costs.
        _transferPercent = _random.Next(2) == 0 ? 0 : _random.Next(5, 41);
        _fiscalPercent = _plan.OwnIncome switch
        {
            OwnIncome.BusinessIncome => _random.Next(25, 71),
            OwnIncome.SpecialAccount => _random.Next(70, 91),
            OwnIncome.OtherIncome => _random.Next(85, 100),
            _ => 100,
        };

        AddPersonnel(staff, retired);
        AddPublic(staff, vehicles.Count);
        AddProjects(staff, vehicles.PurchaseLawEnforcement);
        AddTransfers();

        var lines = _cells
            .Where(c => c.Value > 0m)
            .OrderBy(c => c.Key.Function, StringComparer.Ordinal)
            .ThenBy(c => c.Key.Category)
            .ThenBy(c => c.Key.Economic, StringComparer.Ordinal)
            .ThenBy(c => c.Key.Source)
            .ThenBy(c => c.Key.Project, StringComparer.Ordinal)
            .ThenBy(c => c.Key.Payee, StringComparer.Ordinal)
            .Select(c => new ExpenditureLine
            {
                FunctionCode = c.Key.Function,
                Category = c.Key.Category,
                EconomicCode = c.Key.Economic,
                FundSource = c.Key.Source,
                ProjectCode = c.Key.Project,
                PayeeUnitCode = c.Key.Payee,
                Amount = c.Value,
            })
            .ToList();
        var projects = _projects
            .Select(p => p with { Amount = lines.Where(l => l.ProjectCode == p.Code).Sum(l => l.Amount) })
            .Where(p => p.Amount > 0m)
            .Select(p => p with { Performance = p.Performance is null ? null : Performance(p, lines) })
            .ToList();

        var document = new BudgetDocument
        {
            Year = Year,
            UnitCode = _plan.UnitCode,
            UnitName = _plan.UnitName,
            DepartmentCode = _plan.DepartmentCode,
            CurrencyUnit = CurrencyUnit.TenThousandYuan,
            PreparedOn = new DateOnly(Year, 1, _random.Next(10, 29)),
            Profile = new UnitProfile
            {
                Functions = _plan.Functions,
                InternalDivisions = _plan.Divisions,
                SubordinateUnits = _plan.Subordinates,
            },
            Staffing = Staffing(staff, retired, cadres),
            Income = Income(lines),
            Lines = lines,
            Projects = projects,
            ThreePublicExpenses = ThreePublic(lines),
            Procurement = Procurement(lines),
            Assets = Assets(staff, vehicles),
            Derivations =
            [
                new Derivation
                {
                    Subject = "$",
                    Method = "合成数据：由 akto generate-county 按部门类型、编制人数和项目模板生成，非真实预算 (synthetic data drawn from department archetypes; not a real budget).",
                },
            ],
        };

        var tables = DisclosureTables.For(document, _codes.Catalog);
        var publicExpenses = tables.Table(6).Value("合计", PublicExpenses);
        document = document with
        {
            OfficeOperatingAmount = _plan.Administrative ? publicExpenses : null,
            UnitPerformance = UnitPerformance(document, tables),
        };
        document = document with { PriorYear = PriorYear(document) };
        return document with { Explanations = Reasons(document) };
    }

    private void Add(string function, ExpenditureCategory category, string economic, FundSource source, string? project, decimal amount, string? payee = null)
    {
        if (amount <= 0m || !_codes.IsEconomic(economic))
        {
            return;
        }

        var key = (function, category, economic, source, project, payee);
        _cells[key] = _cells.GetValueOrDefault(key) + amount;
    }

    /// <summary>Basic spending split over its sources: 本级 / 上级转移支付 and the unit's own income.</summary>
    private void AddBasic(string function, string economic, decimal amount, bool personnel)
    {
        var fiscal = _plan.OwnIncome == OwnIncome.SpecialAccount && personnel ? amount : Percent(amount, _fiscalPercent);
        var own = amount - fiscal;
        var transfer = personnel ? Percent(fiscal, _transferPercent) : 0m;
        Add(function, ExpenditureCategory.Basic, economic, FundSource.GeneralBudget, null, fiscal - transfer);
        Add(function, ExpenditureCategory.Basic, economic, FundSource.GeneralBudgetTransfer, null, transfer);
        Add(function, ExpenditureCategory.Basic, economic, OwnSource, null, own);
    }

    private FundSource OwnSource => _plan.OwnIncome switch
    {
        OwnIncome.BusinessIncome => FundSource.UnitBusinessIncome,
        OwnIncome.SpecialAccount => FundSource.FiscalSpecialAccount,
        _ => FundSource.UnitOtherIncome,
    };

    private void AddPersonnel(int staff, int retired)
    {
        var admin = _plan.Administrative;
        var medical = Function(admin ? "2101101" : "2101102", "2101101", "2101102");
        var pension = Function("2080505");
        var retirement = Function(admin ? "2080501" : "2080502", "2080501", "2080502", "2080599");
        (string Economic, string Function, int Min, int Max)[] rates =
        [
            ("30101", Op, 22000, 30000),
            ("30102", Op, admin ? 36000 : 16000, admin ? 50000 : 26000),
            ("30103", Op, 2500, 6000),
            ("30107", Op, admin ? 0 : 20000, admin ? 0 : 34000),
            ("30108", pension, 9000, 13000),
            ("30109", Function("2080506", "2080505"), 4000, 6000),
            ("30110", medical, 5000, 8000),
            ("30111", Function("2101103", medical), admin ? 1000 : 0, admin ? 2000 : 0),
            ("30112", Op, 300, 900),
            ("30113", Function("2210201"), 8000, 12000),
            ("30199", Op, 0, 1500),
        ];
        foreach (var (economic, function, min, max) in rates)
        {
            AddBasic(function, economic, PerHead(staff, min, max), personnel: true);
        }

        if (retired > 0 && _random.Next(2) == 0)
        {
            AddBasic(retirement, "30302", PerHead(retired, 2000, 6000), personnel: true);
        }

        if (_random.Next(3) == 0)
        {
            AddBasic(Op, "30305", PerHead(Math.Max(1, staff / 5), 3000, 8000), personnel: true);
        }
    }

    private void AddPublic(int staff, int vehicles)
    {
        (string Economic, int Min, int Max)[] rates =
        [
            ("30201", 1500, 4000), ("30205", 200, 700), ("30206", 700, 2000), ("30207", 300, 900), ("30208", 1500, 3000),
            ("30211", 800, 3000), ("30213", 300, 1500), ("30216", 0, 800), ("30229", 400, 1000), ("30239", _plan.Administrative ? 2000 : 0, _plan.Administrative ? 5000 : 0),
            ("30299", 200, 1500),
        ];
        foreach (var (economic, min, max) in rates)
        {
            AddBasic(Op, economic, PerHead(staff, min, max), personnel: false);
        }

        // 工会经费 is 2 % of the wage bill.
        var wages = _cells.Where(c => c.Key.Category == ExpenditureCategory.Basic && c.Key.Economic is "30101" or "30102" or "30103" or "30107").Sum(c => c.Value);
        AddBasic(Op, "30228", Round(wages * 0.02m), personnel: false);
        if (_plan.Administrative)
        {
            AddBasic(Op, "30217", Money(30, 300), personnel: false);
        }

        if (vehicles > 0)
        {
            AddBasic(Op, "30231", PerHead(vehicles, 12000, 25000), personnel: false);
        }
    }

    private void AddProjects(int staff, bool purchaseVehicles)
    {
        var templates = _plan.Projects.ToList();
        List<ProjectTemplate> chosen;
        if (_plan.IsHead)
        {
            // A department runs at least one project in every function 类 its kind works in, and some more.
            var perClass = templates
                .GroupBy(t => ClassificationCodes.ClassOf(_codes.FirstFunction(t.FunctionCodes) ?? Op), StringComparer.Ordinal)
                .Select(g => g.ElementAt(_random.Next(g.Count())))
                .ToHashSet();
            chosen = [.. templates.Where(t => perClass.Contains(t) || _random.Next(2) == 0)];
        }
        else
        {
            chosen = [.. templates.Where(_ => _random.Next(2) == 0)];
        }

        var scale = _plan.IsHead ? 1m : 0.5m;
        var number = 0;
        foreach (var template in chosen)
        {
            var code = $"P{++number:00}";
            var functions = _codes.Functions(template.FunctionCodes);
            var usable = functions.Count > 0 ? functions : [Op];
            var amount = Round(Money(template.MinWan * 100, (template.MaxWan * 100) + 1) * scale);
            int? recipients = null;
            if (template.IsSubsidy)
            {
                // Whole cents: the headcount is a multiple of what makes 人数 × 标准 a multiple of 100 元.
                var step = 100 / (int)System.Numerics.BigInteger.GreatestCommonDivisor(template.StandardYuan, 100);
                recipients = Math.Max(step, (int)(amount * 10000m / template.StandardYuan) / step * step);
                amount = recipients.Value * template.StandardYuan / 10000m;
            }

            // 本级配套: part of a transfer-funded project is matched from the county's own budget.
            IReadOnlyList<(FundSource, int)> sources = template.Source == FundSource.GeneralBudgetTransfer && _random.Next(3) == 0
                ? [(FundSource.GeneralBudgetTransfer, 80), (FundSource.GeneralBudget, 20)]
                : [(template.Source, 100)];
            SpreadProject(code, usable, _codes.EconomicsOrFallback(template.EconomicCodes), sources, amount);
            _projects.Add(Project(code, template.Name, ProjectKind.Current, template, recipients));

            if (_random.Next(100) < 35)
            {
                var carry = $"C{number:00}";
                var carrySource = template.Source.BudgetTypeOf() switch
                {
                    BudgetType.GovernmentFund => FundSource.CarryOverGovernmentFund,
                    BudgetType.StateCapital => FundSource.CarryOverStateCapital,
                    _ => FundSource.CarryOverGeneralBudget,
                };
                SpreadProject(carry, usable, _codes.EconomicsOrFallback(template.EconomicCodes), [(carrySource, 100)], Round(amount * _random.Next(5, 31) / 100m));
                _projects.Add(new BudgetProject
                {
                    Code = carry,
                    Name = $"{Year - 1}年{template.Name}（结转）",
                    Kind = ProjectKind.CarryOver,
                    PolicyBasis = PolicyBasis(Year - 1),
                    Undertaker = _plan.UnitName,
                    Purpose = $"{template.Name}上年未完成部分，{template.Output}",
                });
            }
        }

        if (purchaseVehicles && _codes.IsEconomic("31013"))
        {
            var code = $"P{++number:00}";
            var cars = _random.Next(1, 4);
            _plannedCars = cars;
            SpreadProject(code, [Op], ["31013"], [(FundSource.GeneralBudget, 100)], cars * Money(1500, 2501));
            _projects.Add(Project(code, "执法执勤用车购置", ProjectKind.Current, new ProjectTemplate("执法执勤用车购置", [Op], ["31013"], FundSource.GeneralBudget, 0, 0, "购置执法执勤用车", "辆"), null, cars));
        }

        if (_plan.OwnIncome == OwnIncome.BusinessIncome && _random.Next(100) < 40)
        {
            var code = "U01";
            var template = new ProjectTemplate("单位资金安排的业务发展项目", [Op], Archetypes.Mix.Goods, FundSource.UnitBusinessIncome, 0, 0, "开展业务活动", "项");
            SpreadProject(code, [Op], _codes.EconomicsOrFallback(Archetypes.Mix.Goods), [(FundSource.UnitBusinessIncome, 100)], PerHead(staff, 2000, 8000));
            _projects.Add(Project(code, template.Name, ProjectKind.UnitFunds, template, null));
        }

        if (_plan.OwnIncome != OwnIncome.None && _random.Next(100) < 25)
        {
            var code = "C99";
            SpreadProject(code, [Op], _codes.EconomicsOrFallback(Archetypes.Mix.Goods), [(FundSource.NonFiscalCarryOverUnitFunds, 100)], PerHead(staff, 500, 3000));
            _projects.Add(new BudgetProject
            {
                Code = code,
                Name = $"{Year - 1}年单位资金结余",
                Kind = ProjectKind.CarryOver,
                Undertaker = _plan.UnitName,
                Purpose = "单位日常业务活动",
            });
        }
    }

    /// <summary>Spreads a project's money over 1–2 function 项 × 1–3 economic 款 and its sources, to the cent.</summary>
    private void SpreadProject(string code, IReadOnlyList<string> functions, IReadOnlyList<string> economics, IReadOnlyList<(FundSource Source, int Percent)> sources, decimal amount)
    {
        var chosenFunctions = functions.Take(_random.Next(1, Math.Min(2, functions.Count) + 1)).ToList();
        var chosenEconomics = economics.OrderBy(_ => _random.Next()).Take(_random.Next(1, Math.Min(3, economics.Count) + 1)).ToList();
        var remaining = amount;
        for (var s = 0; s < sources.Count; s++)
        {
            var share = s == sources.Count - 1 ? remaining : Percent(amount, sources[s].Percent);
            remaining -= share;
            var cells = chosenFunctions.SelectMany(f => chosenEconomics.Select(e => (f, e))).ToList();
            var parts = Split(share, cells.Count);
            for (var i = 0; i < cells.Count; i++)
            {
                Add(cells[i].f, ExpenditureCategory.Project, cells[i].e, sources[s].Source, code, parts[i]);
            }
        }
    }

    private void AddTransfers()
    {
        var other = _codes.EconomicsOrFallback(Archetypes.Mix.Other)[0];
        var spend = _codes.EconomicsOrFallback(["30299", "30201"])[0];
        foreach (var transfer in _transfers)
        {
            if (transfer.PayerUnitCode == _plan.UnitCode)
            {
                // The head pays a subsidy out of its 其他收入; a subordinate remits out of its 事业收入.
                var source = transfer.FromSuperior ? FundSource.UnitOtherIncome : FundSource.UnitBusinessIncome;
                Add(transfer.FunctionCode, ExpenditureCategory.Basic, other, source, null, transfer.Amount, transfer.PayeeUnitCode);
            }
            else
            {
                var source = transfer.FromSuperior ? FundSource.UnitSuperiorSubsidy : FundSource.UnitSubordinateRemittance;
                Add(Op, ExpenditureCategory.Basic, spend, source, null, transfer.Amount);
            }
        }
    }

    private List<IncomeLine> Income(IReadOnlyList<ExpenditureLine> lines)
    {
        var income = lines
            .Where(l => l.FundSource is not (FundSource.UnitSuperiorSubsidy or FundSource.UnitSubordinateRemittance))
            .GroupBy(l => l.FundSource)
            .Select(g => new IncomeLine { Source = g.Key, Amount = g.Sum(l => l.Amount) })
            .ToList();
        income.AddRange(_transfers
            .Where(t => t.PayeeUnitCode == _plan.UnitCode)
            .Select(t => new IncomeLine
            {
                Source = t.FromSuperior ? FundSource.UnitSuperiorSubsidy : FundSource.UnitSubordinateRemittance,
                Amount = t.Amount,
                PayerUnitCode = t.PayerUnitCode,
            }));
        return [.. income.OrderBy(l => l.Source).ThenBy(l => l.PayerUnitCode, StringComparer.Ordinal)];
    }

    private BudgetProject Project(string code, string name, ProjectKind kind, ProjectTemplate template, int? recipients, int? count = null) => new()
    {
        Code = code,
        Name = $"{Year}年{name}",
        Kind = kind,
        PolicyBasis = kind == ProjectKind.UnitFunds ? null : PolicyBasis(Year),
        Undertaker = _plan.UnitName,
        Allocation = $"{name}按{(recipients is null ? "项目实施进度" : "补贴标准和人数")}安排",
        StartsOn = new DateOnly(Year, 1, 1),
        EndsOn = new DateOnly(Year, 12, 31),
        Subsidy = recipients is { } people
            ? new SubsidyDetails
            {
                FundingNote = template.Source.Label(),
                Recipients = people,
                Standard = $"{template.StandardYuan.ToString(CultureInfo.InvariantCulture)}元/{template.OutputUnit}/年",
                Scope = $"阿克陶县符合条件的{template.Output[..^2]}对象",
                Method = "通过惠民惠农财政补贴资金“一卡通”发放",
                Procedure = "个人申请、村（社区）评议公示、乡镇审核、主管部门审批、财政局拨付",
                Beneficiaries = "保障受益群众基本生活，促进社会公平",
            }
            : null,
        Performance = new ProjectPerformance { Goal = $"按期完成{name}，{template.Output}达到{(recipients ?? count)?.ToString(CultureInfo.InvariantCulture) ?? "计划"}{template.OutputUnit}" },
    };

    /// <summary>项目支出绩效目标表: weights sum to 100; the cost indicator states the project's budget.</summary>
    private ProjectPerformance Performance(BudgetProject project, IReadOnlyList<ExpenditureLine> lines)
    {
        var fiscal = lines.Where(l => l.ProjectCode == project.Code && (l.FundSource.IsCurrentFiscal() || l.FundSource.IsFiscalCarryOver())).Sum(l => l.Amount);
        var quantity = project.Subsidy?.Recipients is { } recipients
            ? Indicator("产出指标", "数量指标", "补贴对象人数", "=", recipients, "人", 20m, IndicatorMeasure.Recipients)
            : Indicator("产出指标", "数量指标", "完成项目任务数", ">=", _random.Next(1, 20), "个", 20m, IndicatorMeasure.None);
        return project.Performance! with
        {
            Manager = _plan.UnitName[..Math.Min(_plan.UnitName.Length, 6)] + "项目负责人",
            AnnualBudgetAmount = project.Amount,
            FiscalAmount = fiscal,
            OtherAmount = project.Amount - fiscal,
            Indicators =
            [
                quantity,
                Indicator("产出指标", "质量指标", "资金使用合规率", ">=", 95, "%", 15m, IndicatorMeasure.None),
                Indicator("产出指标", "时效指标", "资金拨付及时率", "=", 100, "%", 10m, IndicatorMeasure.None),
                Indicator("成本指标", "经济成本指标", "项目预算控制数", "<=", project.Amount, "万元", 20m, IndicatorMeasure.BudgetAmount),
                new PerformanceIndicator { Level1 = "效益指标", Level2 = "社会效益指标", Level3 = "服务群众水平", Value = "有效提升", Weight = 25m, Basis = "部门工作计划" },
                Indicator("满意度指标", "服务对象满意度指标", "受益对象满意度", ">=", 90, "%", 10m, IndicatorMeasure.None),
            ],
        };
    }

    private static PerformanceIndicator Indicator(string level1, string level2, string level3, string @operator, decimal value, string unit, decimal weight, IndicatorMeasure measure) => new()
    {
        Level1 = level1,
        Level2 = level2,
        Level3 = level3,
        Value = $"{@operator}{value.ToString(CultureInfo.InvariantCulture)}{unit}",
        Basis = "预算支出标准和部门工作计划",
        Weight = weight,
        ScoringRule = "完成目标得满分，未完成按比例扣分",
        Evidence = "项目资料",
        Target = new IndicatorTarget { Operator = @operator, Value = value, Unit = unit },
        Measures = measure,
    };

    /// <summary>单位整体绩效目标表: control figures are Table 6 人员经费 / 公用经费 and Table 5 项目支出; funds follow income.</summary>
    private UnitPerformance UnitPerformance(BudgetDocument document, DisclosureSet tables)
    {
        var income = document.Income;
        var superior = income.Where(l => l.Source.IsTransfer() || l.Source.IsFiscalCarryOver()).Sum(l => l.Amount);
        var local = income.Where(l => l.Source is FundSource.GeneralBudget or FundSource.GovernmentFund or FundSource.StateCapital).Sum(l => l.Amount);
        var other = income.Where(l => !l.Source.IsCurrentFiscal() && !l.Source.IsFiscalCarryOver()).Sum(l => l.Amount);
        return new UnitPerformance
        {
            Contact = "综合办公室",
            Phone = $"0998-{_random.Next(5_000_000, 6_000_000).ToString(CultureInfo.InvariantCulture)}",
            Goal = $"保障{_plan.UnitName}人员工资和日常运转，按计划完成{string.Join("、", document.Projects.Where(p => p.Kind == ProjectKind.Current).Select(p => p.Name).Take(3).DefaultIfEmpty("各项业务工作"))}。",
            SuperiorFundsAmount = superior,
            LocalFundsAmount = local,
            OtherFundsAmount = other,
            Indicators =
            [
                Indicator("运行成本", "经济成本指标", "人员保障性资金支出控制数", "<=", tables.Table(6).Value("合计", Personnel), "万元", 20m, IndicatorMeasure.PersonnelControlAmount),
                Indicator("运行成本", "经济成本指标", "公用经费支出控制数", "<=", tables.Table(6).Value("合计", PublicExpenses), "万元", 20m, IndicatorMeasure.PublicControlAmount),
                Indicator("运行成本", "经济成本指标", "项目支出控制数", "<=", tables.Table(5).Value("合计", ProjectSpending), "万元", 20m, IndicatorMeasure.ProjectControlAmount),
                Indicator("履职效能", "数量指标", "在职人员保障人数", ">=", document.Staffing?.InService ?? 0, "人", 20m, IndicatorMeasure.InServiceHeadcount),
                new PerformanceIndicator { Level1 = "社会效应", Level2 = "社会效益指标", Level3 = "部门履职能力", Value = "持续提升", Basis = "部门职责和年度工作计划", Weight = 10m },
                Indicator("服务对象满意度", "满意度指标", "服务对象满意度", ">=", 90, "%", 10m, IndicatorMeasure.None),
            ],
        };
    }

    /// <summary>
    /// 上年预算: each figure the explanations compare is the current one scaled by a drawn factor (mostly ±8 %, sometimes a
    /// real change), per function 项 and category, so that the prior year's totals add up as the checks require.
    /// </summary>
    private PriorYearBudget PriorYear(BudgetDocument document)
    {
        var factors = new Dictionary<string, int>(StringComparer.Ordinal);
        int Factor(string key)
        {
            if (!factors.TryGetValue(key, out var factor))
            {
                factor = _random.Next(10) switch
                {
                    0 => 0,
                    1 or 2 => _random.Next(60, 140),
                    _ => _random.Next(93, 108),
                };
                factors[key] = factor;
            }

            return factor;
        }

        static bool GeneralBudget(FundSource s) => s is FundSource.GeneralBudget or FundSource.GeneralBudgetTransfer;
        var cells = document.Lines
            .GroupBy(l => (l.FunctionCode, l.Category, l.FundSource))
            .Select(g => (g.Key, Prior: Percent(g.Sum(l => l.Amount), Factor($"{g.Key.FunctionCode}/{g.Key.Category}/{(GeneralBudget(g.Key.FundSource) ? "gb" : g.Key.FundSource.ToString())}"))))
            .ToList();
        var priorGeneral = cells.Where(c => GeneralBudget(c.Key.FundSource)).ToList();
        var byFunction = priorGeneral
            .GroupBy(c => c.Key.FunctionCode, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new FunctionAmount { FunctionCode = g.Key, Amount = g.Sum(c => c.Prior) })
            .ToList();
        var income = cells
            .GroupBy(c => c.Key.FundSource)
            .OrderBy(g => g.Key)
            .Select(g => new IncomeLine { Source = g.Key, Amount = g.Sum(c => c.Prior) })
            .Where(l => l.Amount > 0m)
            .ToList();
        var office = document.OfficeOperatingAmount is { } current ? Percent(current, Factor("office")) : (decimal?)null;
        return new PriorYearBudget
        {
            Income = income,
            BasicAmount = cells.Where(c => c.Key.Category == ExpenditureCategory.Basic).Sum(c => c.Prior),
            ProjectAmount = cells.Where(c => c.Key.Category == ExpenditureCategory.Project).Sum(c => c.Prior),
            GeneralBudgetBasicAmount = priorGeneral.Where(c => c.Key.Category == ExpenditureCategory.Basic).Sum(c => c.Prior),
            GeneralBudgetProjectAmount = priorGeneral.Where(c => c.Key.Category == ExpenditureCategory.Project).Sum(c => c.Prior),
            GeneralBudgetByFunction = byFunction,
            // 三公 only shrinks (只减不增, rule F-06): the drawn factor is mirrored above 100 %.
            ThreePublicExpenses = [.. document.ThreePublicExpenses.Select(e => e with { Amount = Percent(e.Amount, 100 + Math.Abs(Factor($"3p/{e.Item}") - 100)) }).Where(e => e.Amount > 0m)],
            OfficeOperatingAmount = office,
        };
    }

    /// <summary>主要原因 for every comparison of 10 % or more (or from zero), in the words budget explanations use.</summary>
    private List<Explanation> Reasons(BudgetDocument document)
    {
        var projectNames = document.Projects.Where(p => p.Kind == ProjectKind.Current).Select(p => p.Name).Take(2).ToList();
        var projects = projectNames.Count == 0 ? "业务工作" : string.Join("、", projectNames);
        return
        [
            .. YearOnYear.Comparisons(document)
                .Where(c => c.NeedsReason)
                .Select(c =>
                {
                    var up = c.Change > 0m;
                    var text = c.Subject switch
                    {
                        "expenditure/basic" or "generalBudget/basic" => up ? "人员增加、工资标准调整及社会保险缴费基数调增" : "人员退休及调离，人员经费相应减少",
                        "expenditure/project" or "generalBudget/project" => up ? $"新增{projects}等项目" : "上年部分一次性项目本年不再安排",
                        "income/carryOver" or "income/nonFiscalCarryOver" => up ? "上年部分项目资金年底未支付完毕结转至本年" : "上年项目执行进度加快，结转资金减少",
                        var s when s.StartsWith("income/", StringComparison.Ordinal) => up ? "上级下达资金及本级安排项目增加" : "上级下达资金及本级安排项目减少",
                        var s when s.StartsWith("threePublic/", StringComparison.Ordinal) => up ? "公务用车使用年限增加，维修及燃油费用上升" : "厉行节约，压减一般性支出",
                        "officeOperating" => up ? "人员增加，日常办公及取暖等公用经费相应增加" : "厉行节约，压减公用经费",
                        _ => up ? "本年该科目安排的人员经费及项目资金增加" : "本年该科目安排的项目资金减少",
                    };
                    return new Explanation { Subject = c.Subject, Kind = ExplanationKind.Reason, Text = text };
                }),
        ];
    }

    /// <summary>三公 from the lines paid from 财政拨款 of the year: 30212 出国, 30217 接待, 31013 购车, 30231 运行.</summary>
    private static List<ThreePublicExpense> ThreePublic(IReadOnlyList<ExpenditureLine> lines) =>
    [
        .. lines
            .Where(l => l.FundSource.IsCurrentFiscal())
            .Select(l => (Item: l.EconomicCode switch
            {
                "30212" => ThreePublicItem.OutboundTravel,
                "30217" => ThreePublicItem.Reception,
                "31013" => ThreePublicItem.VehiclePurchase,
                "30231" => ThreePublicItem.VehicleOperation,
                _ => (ThreePublicItem?)null,
            }, Type: l.FundSource.BudgetTypeOf()!.Value, l.Amount))
            .Where(x => x.Item is not null)
            .GroupBy(x => (x.Item!.Value, x.Type))
            .OrderBy(g => g.Key.Value)
            .ThenBy(g => g.Key.Type)
            .Select(g => new ThreePublicExpense { Item = g.Key.Value, BudgetType = g.Key.Type, Amount = g.Sum(x => x.Amount) }),
    ];

    private Procurement? Procurement(IReadOnlyList<ExpenditureLine> lines)
    {
        decimal Sum(string[] codes) => lines.Where(l => codes.Contains(l.EconomicCode) && l.PayeeUnitCode is null).Sum(l => l.Amount);
        var goods = Sum(GoodsCodes);
        var works = Sum(WorksCodes);
        var services = Sum(ServicesCodes);
        var total = goods + works + services;
        if (total == 0m)
        {
            return null;
        }

        var sme = Percent(total, _random.Next(40, 81));
        return new Procurement
        {
            GoodsAmount = goods,
            WorksAmount = works,
            ServicesAmount = services,
            SmeReservedAmount = sme,
            SmallMicroReservedAmount = Percent(sme, _random.Next(60, 101)),
        };
    }

    private (int Count, string Kind, bool PurchaseLawEnforcement) Vehicles(int staff)
    {
        if (_plan.LawEnforcementVehicles && _plan.IsHead)
        {
            return (Math.Max(2, staff / _random.Next(8, 15)), "执法执勤用车", _random.Next(4) == 0);
        }

        return _plan.Administrative ? (_random.Next(1, 4), "一般公务用车", false) : (_random.Next(3), "其他车辆", false);
    }

    private AssetHoldings Assets(int staff, (int Count, string Kind, bool PurchaseLawEnforcement) vehicles)
    {
        var area = Round(staff * Money(2000, 4000));
        var hospital = _plan.OwnIncome == OwnIncome.BusinessIncome && staff > 150;
        return new AssetHoldings
        {
            AsOf = new DateOnly(Year - 1, 12, 31),
            BuildingArea = area,
            BuildingValueAmount = Round(area * Money(25, 45)),
            Vehicles = vehicles.Count == 0 ? [] : [new VehicleHolding { Kind = vehicles.Kind, Count = vehicles.Count, ValueAmount = Round(vehicles.Count * Money(1200, 2500)) }],
            FurnitureValueAmount = Round(staff * Money(50, 150)),
            OtherAssetsValueAmount = Round(staff * Money(100, 500)),
            EquipmentOver50 = hospital ? _random.Next(3, 20) : 0,
            EquipmentOver100 = hospital ? _random.Next(1, 6) : 0,
            PlannedVehiclePurchases = _plannedCars,
        };
    }

    private Staffing Staffing(int staff, int retired, int cadres) => new()
    {
        AuthorizedPosts = staff + _random.Next(0, Math.Max(2, staff / 10)),
        ActualHeadcount = staff + retired + cadres,
        InService = staff,
        InServiceChange = _random.Next(-3, 6),
        Retired = retired,
        RetiredChange = _random.Next(0, 4),
        RetiredCadres = cadres,
        RetiredCadresChange = 0,
    };

    private string Function(params string[] candidates) => _codes.FirstFunction(candidates) ?? Op;

    private string PolicyBasis(int year) =>
        $"{(_random.Next(2) == 0 ? "陶财预" : "克财建")}【{year.ToString(CultureInfo.InvariantCulture)}】{_random.Next(1, 200).ToString("000", CultureInfo.InvariantCulture)}号";

    /// <summary>An amount of <paramref name="people"/> × a per-person rate drawn in 元, in 万元 to the cent.</summary>
    private decimal PerHead(int people, int minYuan, int maxYuan) =>
        maxYuan <= minYuan ? 0m : Round(people * _random.Next(minYuan, maxYuan) / 10000m);

    /// <summary>A draw in hundredths: <c>Money(150, 300)</c> is 1.50–2.99.</summary>
    private decimal Money(int minHundredths, int maxHundredths) => _random.Next(minHundredths, maxHundredths) / 100m;

    /// <summary>Splits an amount into <paramref name="parts"/> random shares of whole cents (a share may be zero).</summary>
    private List<decimal> Split(decimal amount, int parts)
    {
        var cents = (long)(amount * 100m);
        var weights = Enumerable.Range(0, parts).Select(_ => (long)_random.Next(1, 100)).ToList();
        var total = weights.Sum();
        var result = new List<decimal>();
        var left = cents;
        for (var i = 0; i < parts; i++)
        {
            var part = i == parts - 1 ? left : cents * weights[i] / total;
            result.Add(part / 100m);
            left -= part;
        }

        return result;
    }

    private static decimal Percent(decimal amount, int percent) => Round(amount * percent / 100m);

    private static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
