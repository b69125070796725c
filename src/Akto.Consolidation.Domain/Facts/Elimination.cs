using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Domain.Validation;

namespace Akto.Consolidation.Domain.Facts;

/// <summary>
/// 内部往来: money one unit of a scope pays to another, as both sides declare it, in 万元. The payer books a spending line
/// with <see cref="ExpenditureLine.PayeeUnitCode"/>; the payee books 上级补助收入 or 附属单位上缴收入 with
/// <see cref="IncomeLine.PayerUnitCode"/> and spends the money on its own lines.
/// </summary>
public sealed record InternalTransfer(string PayerUnitCode, string PayeeUnitCode, decimal PaidAmount, decimal ReceivedAmount)
{
    /// <summary>True when both sides declare the same amount, so eliminating them keeps the consolidation balanced.</summary>
    public bool Matches => PaidAmount == ReceivedAmount;
}

/// <summary>One unit's side of the internal transfers of a scope (see <see cref="Elimination.Declare"/>), in 万元.</summary>
/// <param name="Paid">Payee unit code → what this unit pays it from lines of the scope.</param>
/// <param name="Received">Payer unit code → what this unit declares as received from it.</param>
/// <param name="Findings">Findings of this unit's document alone (C-02, C-03).</param>
public sealed record TransferDeclarations(
    string UnitCode,
    IReadOnlyDictionary<string, decimal> Paid,
    IReadOnlyDictionary<string, decimal> Received,
    IReadOnlyList<Finding> Findings)
{
    /// <summary>True when the unit has nothing to declare in the scope.</summary>
    public bool IsEmpty => Paid.Count == 0 && Received.Count == 0 && Findings.Count == 0;
}

/// <summary>The consolidated (合并) figures of a scope: the eliminated sum of its units' facts, and what was eliminated.</summary>
/// <param name="Facts">Σ of every unit's facts with internal transfers removed on both sides.</param>
/// <param name="UnitCodes">The units in scope, in code order.</param>
/// <param name="Transfers">Every internal transfer between two units of the scope.</param>
/// <param name="Findings">Transfers the two sides declare differently, and payer codes the elimination could not use.</param>
public sealed record ConsolidationResult(
    BudgetFacts Facts,
    IReadOnlyList<string> UnitCodes,
    IReadOnlyList<InternalTransfer> Transfers,
    IReadOnlyList<Finding> Findings);

/// <summary>
/// 合并抵销: money moving inside a scope (a department and its units, or the county) is counted once. Internal money is
/// the payee's 上级补助收入 / 附属单位上缴收入 from a unit of the scope and the payer's spending lines paid to a unit of the
/// scope; both are removed, so what remains is the payer's money as the payee finally spends it. Elimination works on one
/// document at a time, given the scope, so a consolidation is the plain cell-wise sum of every unit's
/// <see cref="WithinScope"/> — which is what lets the classification trees add units up independently.
/// </summary>
public static class Elimination
{
    /// <summary>The income sources that name a payer inside the government (上级补助收入, 附属单位上缴收入).</summary>
    public static bool IsTransferIncome(FundSource source) =>
        source is FundSource.UnitSuperiorSubsidy or FundSource.UnitSubordinateRemittance;

    /// <summary>True when this income came from a unit of the scope.</summary>
    public static bool IsInternal(IncomeLine line, IReadOnlySet<string> scope)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(scope);
        return IsTransferIncome(line.Source) && line.PayerUnitCode is { Length: > 0 } payer && scope.Contains(payer);
    }

    /// <summary>True when this spending is paid to a unit of the scope.</summary>
    public static bool IsInternal(ExpenditureLine line, IReadOnlySet<string> scope)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(scope);
        return line.PayeeUnitCode is { Length: > 0 } payee && scope.Contains(payee);
    }

    /// <summary>The document as it counts inside <paramref name="scope"/>: internal income and internal payments removed.</summary>
    public static BudgetDocument WithinScope(BudgetDocument document, IReadOnlySet<string> scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        if (!document.Income.Any(l => IsInternal(l, scope)) && !document.Lines.Any(l => IsInternal(l, scope)))
        {
            return document;
        }

        return document with
        {
            Income = [.. document.Income.Where(l => !IsInternal(l, scope))],
            Lines = [.. document.Lines.Where(l => !IsInternal(l, scope))],
        };
    }

    /// <summary>The facts one unit contributes to <paramref name="scope"/>'s consolidation.</summary>
    public static BudgetFacts FactsWithinScope(BudgetDocument document, IReadOnlySet<string> scope) =>
        BudgetFacts.FromDocument(WithinScope(document, scope));

    /// <summary>
    /// Consolidates the documents of a scope. <paramref name="scope"/> is the set of unit codes consolidated (default: the
    /// documents' units); a transfer counts as internal only when both of its units are in it.
    /// </summary>
    public static ConsolidationResult Consolidate(int year, IReadOnlyList<BudgetDocument> documents, IReadOnlySet<string>? scope = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        scope ??= documents.Select(d => d.UnitCode).ToHashSet(StringComparer.Ordinal);
        var facts = BudgetFacts.Sum(year, documents.Select(d => FactsWithinScope(d, scope)));
        var (transfers, findings) = Inspect(documents, scope);
        return new ConsolidationResult(
            facts,
            [.. documents.Select(d => d.UnitCode).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            transfers,
            findings);
    }

    private static (IReadOnlyList<InternalTransfer> Transfers, IReadOnlyList<Finding> Findings) Inspect(IReadOnlyList<BudgetDocument> documents, IReadOnlySet<string> scope) =>
        Match(documents.Select(d => Declare(d, scope)));

    /// <summary>
    /// What one document declares about money moving inside <paramref name="scope"/>: paid to each payee of the scope,
    /// received from each payer of the scope, and the findings of that document alone (C-02, C-03). Per unit, so a
    /// scope's transfers can be matched (<see cref="Match"/>) from declarations kept beside each unit's facts.
    /// </summary>
    public static TransferDeclarations Declare(BudgetDocument document, IReadOnlySet<string> scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(scope);
        var paid = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        var received = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        var findings = new List<Finding>();
        var factor = CurrencyUnit.ToTenThousandYuanFactor(document.CurrencyUnit);
        for (var i = 0; i < document.Lines.Count; i++)
        {
            var line = document.Lines[i];
            if (!IsInternal(line, scope))
            {
                continue;
            }

            paid[line.PayeeUnitCode!] = paid.GetValueOrDefault(line.PayeeUnitCode!) + (line.Amount * factor);
            if (!line.FundSource.IsUnitFunds() && line.FundSource != FundSource.NonFiscalCarryOverUnitFunds)
            {
                findings.Add(new Finding(
                    "C-03",
                    Severity.Warning,
                    $"内部往来应由单位资金安排：{document.UnitCode} 以“{line.FundSource.Label()}”支付 {line.PayeeUnitCode} {TableRules.Format(line.Amount * factor)} 万元，抵销后合并表按资金来源不再平衡 (internal payments should be funded from unit funds)",
                    [$"{document.UnitCode}:$.lines[{i}].fundSource"]));
            }
        }

        for (var i = 0; i < document.Income.Count; i++)
        {
            var line = document.Income[i];
            if (IsInternal(line, scope))
            {
                received[line.PayerUnitCode!] = received.GetValueOrDefault(line.PayerUnitCode!) + (line.Amount * factor);
            }
            else if (line.PayerUnitCode is { Length: > 0 } payer && !IsTransferIncome(line.Source))
            {
                findings.Add(new Finding(
                    "C-02",
                    Severity.Warning,
                    $"付款单位只适用于上级补助收入和附属单位上缴收入：{document.UnitCode} 的“{line.Source.Label()}”注明付款单位 {payer}，未抵销 (payer codes apply to transfer income only)",
                    [$"{document.UnitCode}:$.income[{i}].payerUnitCode"]));
            }
        }

        return new TransferDeclarations(document.UnitCode, paid, received, findings);
    }

    /// <summary>
    /// The scope's internal transfers from its units' declarations (in unit order): each payer–payee pair with what both
    /// sides declare, the units' own findings, then a C-01 finding for every pair whose sides differ.
    /// </summary>
    public static (IReadOnlyList<InternalTransfer> Transfers, IReadOnlyList<Finding> Findings) Match(IEnumerable<TransferDeclarations> declarations)
    {
        ArgumentNullException.ThrowIfNull(declarations);
        var paid = new Dictionary<(string Payer, string Payee), decimal>();
        var received = new Dictionary<(string Payer, string Payee), decimal>();
        var findings = new List<Finding>();
        foreach (var declaration in declarations)
        {
            foreach (var (payee, amount) in declaration.Paid)
            {
                var key = (declaration.UnitCode, payee);
                paid[key] = paid.GetValueOrDefault(key) + amount;
            }

            foreach (var (payer, amount) in declaration.Received)
            {
                var key = (payer, declaration.UnitCode);
                received[key] = received.GetValueOrDefault(key) + amount;
            }

            findings.AddRange(declaration.Findings);
        }

        var transfers = paid.Keys.Union(received.Keys)
            .OrderBy(k => k.Payer, StringComparer.Ordinal)
            .ThenBy(k => k.Payee, StringComparer.Ordinal)
            .Select(k => new InternalTransfer(k.Payer, k.Payee, paid.GetValueOrDefault(k), received.GetValueOrDefault(k)))
            .ToList();
        foreach (var transfer in transfers.Where(t => !t.Matches))
        {
            findings.Add(new Finding(
                "C-01",
                Severity.Warning,
                $"内部往来不一致：{transfer.PayerUnitCode} 列支付给 {transfer.PayeeUnitCode} {TableRules.Format(transfer.PaidAmount)} 万元，{transfer.PayeeUnitCode} 列收到 {TableRules.Format(transfer.ReceivedAmount)} 万元；合并收支相差 {TableRules.Format(transfer.PaidAmount - transfer.ReceivedAmount)} 万元 (the two sides of an internal transfer differ)",
                [
                    $"{transfer.PayerUnitCode}:$.lines[?(@.payeeUnitCode=='{transfer.PayeeUnitCode}')].amount",
                    $"{transfer.PayeeUnitCode}:$.income[?(@.payerUnitCode=='{transfer.PayerUnitCode}')].amount",
                ]));
        }

        return (transfers, findings);
    }
}
