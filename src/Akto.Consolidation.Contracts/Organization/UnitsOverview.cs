using System.Collections.Immutable;
using Akto.Consolidation.Contracts.Units;

namespace Akto.Consolidation.Contracts.Organization;

/// <summary>单位总览: every department of a year with its units, their workflow states and findings counts.</summary>
public sealed record UnitsOverview(int Year, ImmutableArray<DepartmentOverview> Departments);

/// <summary>A 主管部门 in the overview: whether its 部门预算 is approved (部门审核通过) and its units, by code.</summary>
public sealed record DepartmentOverview(string DepartmentCode, string Name, bool Approved, ImmutableArray<UnitOverview> Units);

/// <summary>A 预算单位 in the overview.</summary>
/// <param name="State">预算审核状态.</param>
/// <param name="CurrentVersion">The current version (修订轨迹); null before the first.</param>
/// <param name="WarningCount">The current version's warnings (审核提示).</param>
/// <param name="LastChangedAt">When the last version was accepted or the workflow last moved.</param>
public sealed record UnitOverview(string UnitCode, string UnitName, BudgetState State, int? CurrentVersion, int WarningCount, DateTimeOffset? LastChangedAt);
