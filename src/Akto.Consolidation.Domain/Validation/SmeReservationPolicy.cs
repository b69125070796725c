namespace Akto.Consolidation.Domain.Validation;

/// <summary>
/// 政府采购预留份额: the share of procurement suitable for small and medium-sized enterprises (适宜由中小企业提供的) that a
/// unit must reserve for them (面向中小企业预留), and the share of that reservation kept for small and micro firms
/// (小微企业). The defaults follow 《政府采购促进中小企业发展管理办法》(财库〔2020〕46 号): 30 % or more of goods and
/// services, of which 60 % or more for small and micro firms; works use 40 %, the raised share of 财库〔2022〕19 号. A
/// province or county that sets other shares overrides them in <c>audit-rules.json</c> (<c>"smeReservation"</c>).
/// </summary>
public sealed record SmeReservationPolicy
{
    public static SmeReservationPolicy Default { get; } = new();

    /// <summary>预留份额 of 货物 (a fraction: 0.30 = 30 %).</summary>
    public decimal GoodsShare { get; init; } = 0.30m;

    /// <summary>预留份额 of 工程.</summary>
    public decimal WorksShare { get; init; } = 0.40m;

    /// <summary>预留份额 of 服务.</summary>
    public decimal ServicesShare { get; init; } = 0.30m;

    /// <summary>Share of the SME reservation kept for 小微企业.</summary>
    public decimal SmallMicroShare { get; init; } = 0.60m;
}
