using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Akto.Consolidation.Domain.Documents;

namespace Akto.Consolidation.Contracts.Classification;

/// <summary>
/// What a classification node measures, exact in 万元: 合计, 基本支出 split into 人员经费 / 公用经费, 项目支出, and the
/// amount of every 资金来源. Zero sources are left out, so two equal measures compare equal.
/// </summary>
[GenerateSerializer, Immutable, Alias("akto.measures")]
public sealed record Measures
{
    public Measures(decimal total, decimal basicPersonnel, decimal basicPublic, decimal project, ImmutableSortedDictionary<FundSource, decimal> bySource)
    {
        Total = total;
        BasicPersonnel = basicPersonnel;
        BasicPublic = basicPublic;
        Project = project;
        BySource = bySource.Values.Any(v => v == 0m) ? bySource.RemoveRange(bySource.Where(p => p.Value == 0m).Select(p => p.Key)) : bySource;
    }

    public static Measures Zero { get; } = new(0m, 0m, 0m, 0m, ImmutableSortedDictionary<FundSource, decimal>.Empty);

    /// <summary>合计.</summary>
    [Id(0)]
    public decimal Total { get; init; }

    /// <summary>基本支出 — 人员经费 (economic 301 工资福利, 303 对个人和家庭的补助).</summary>
    [Id(1)]
    public decimal BasicPersonnel { get; init; }

    /// <summary>基本支出 — 公用经费.</summary>
    [Id(2)]
    public decimal BasicPublic { get; init; }

    /// <summary>项目支出.</summary>
    [Id(3)]
    public decimal Project { get; init; }

    /// <summary>By 资金来源; sources without money are absent.</summary>
    [Id(4)]
    public ImmutableSortedDictionary<FundSource, decimal> BySource { get; init; }

    /// <summary>基本支出.</summary>
    public decimal Basic => BasicPersonnel + BasicPublic;

    public bool IsZero => Total == 0m && BasicPersonnel == 0m && BasicPublic == 0m && Project == 0m && BySource.IsEmpty;

    public decimal Source(FundSource source) => BySource.GetValueOrDefault(source);

    public Measures Add(Measures other) => Combine(other, 1m);

    public Measures Subtract(Measures other) => Combine(other, -1m);

    public static Measures Sum(IEnumerable<Measures> parts)
    {
        var builder = new MeasuresBuilder();
        foreach (var part in parts)
        {
            builder.Add(part);
        }

        return builder.Build();
    }

    public bool Equals(Measures? other) =>
        other is not null
        && Total == other.Total
        && BasicPersonnel == other.BasicPersonnel
        && BasicPublic == other.BasicPublic
        && Project == other.Project
        && BySource.Count == other.BySource.Count
        && BySource.All(p => other.BySource.TryGetValue(p.Key, out var value) && value == p.Value);

    public override int GetHashCode() => HashCode.Combine(Total, BasicPersonnel, BasicPublic, Project, BySource.Count);

    public override string ToString()
    {
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"合计 {Total} = 人员 {BasicPersonnel} + 公用 {BasicPublic} + 项目 {Project}"));
        foreach (var (source, amount) in BySource)
        {
            text.Append(CultureInfo.InvariantCulture, $"; {source} {amount}");
        }

        return text.ToString();
    }

    private Measures Combine(Measures other, decimal sign)
    {
        var builder = new MeasuresBuilder();
        builder.Add(this);
        builder.Add(other, sign);
        return builder.Build();
    }
}

/// <summary>Accumulates <see cref="Measures"/> exactly.</summary>
public sealed class MeasuresBuilder
{
    private readonly SortedDictionary<FundSource, decimal> _bySource = [];
    private decimal _total;
    private decimal _personnel;
    private decimal _public;
    private decimal _project;

    /// <summary>Adds one expenditure cell.</summary>
    public void Add(ExpenditureCategory category, bool personnel, FundSource source, decimal amount)
    {
        _total += amount;
        if (category == ExpenditureCategory.Project)
        {
            _project += amount;
        }
        else if (personnel)
        {
            _personnel += amount;
        }
        else
        {
            _public += amount;
        }

        _bySource[source] = _bySource.GetValueOrDefault(source) + amount;
    }

    public void Add(Measures measures, decimal sign = 1m)
    {
        _total += sign * measures.Total;
        _personnel += sign * measures.BasicPersonnel;
        _public += sign * measures.BasicPublic;
        _project += sign * measures.Project;
        foreach (var (source, amount) in measures.BySource)
        {
            _bySource[source] = _bySource.GetValueOrDefault(source) + (sign * amount);
        }
    }

    public Measures Build() =>
        new(_total, _personnel, _public, _project, _bySource.Where(p => p.Value != 0m).ToImmutableSortedDictionary());
}
