using System.Collections.Immutable;
using System.Text.Json;
using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Classification;
using Akto.Consolidation.Contracts.Consolidation;
using Akto.Consolidation.Contracts.Organization;
using Akto.Consolidation.Contracts.Units;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Domain.Facts;
using Akto.Consolidation.Domain.Validation;
using Akto.Consolidation.Grains.Classification;
using Microsoft.Extensions.Logging;

namespace Akto.Consolidation.Grains.Units;

/// <summary>
/// 预算单位 of one year. A submission is validated by the domain's <see cref="BudgetValidator"/>; an accepted one is stored
/// as a new immutable version (its own <see cref="BudgetVersionGrain"/>, written once), then recorded here together with
/// the workflow state, the command's result (for retries) and the unit's new contributions, in one write — and only then
/// are the department, the county and the tree leaves told. Everything it tells them is absolute and versioned, so telling
/// them again (a retried command, reconciliation) is always safe. The unit keeps no document in memory: a submission
/// needs only the new one, and a read of the current version asks its version grain, so an active unit costs its row
/// (the version list and its figures on the leaves), not its documents.
/// </summary>
[CollectionAgeLimit(Minutes = 5)]
public sealed class BudgetUnitGrain(
    [PersistentState(GrainStorage.BudgetUnitState, GrainStorage.ProviderName)] IPersistentState<BudgetUnitState> state,
    ILogger<BudgetUnitGrain> logger,
    ClusterCatalogs catalogs,
    TimeProvider? timeProvider = null) : Grain, IBudgetUnitGrain
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private int _year;
    private string _unitCode = "";
    private UnitPublisher _publisher = null!;

    private BudgetUnitState State => state.State;

    /// <summary>The current version's number; null before the first.</summary>
    private int? CurrentVersion => State.Versions.Count == 0 ? null : State.Versions[^1].Version;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (year, parts) = GrainKeys.Split(this.GetPrimaryKeyString(), 2);
        _year = year;
        _unitCode = parts[0];
        _publisher = new UnitPublisher(GrainFactory, _year, _unitCode);
        RememberedRequests.Normalize(State);
        await MoveLegacyVersionsAsync();
    }

    public async Task<SubmissionResult> SubmitAsync(BudgetSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        if (await ReplaySubmissionAsync(submission.ClientRequestId) is { } replay)
        {
            return replay;
        }

        // Through the JSON format, so a document built in code meets the same schema checks as an uploaded one.
        return await SubmitCheckedAsync(
            JsonSerializer.SerializeToUtf8Bytes(submission.Document, BudgetJson.Options),
            submission.Author,
            submission.Reason,
            submission.ClientRequestId,
            submission.ExpectedVersion);
    }

    public async Task<SubmissionResult> SubmitJsonAsync(BudgetJsonSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        if (await ReplaySubmissionAsync(submission.ClientRequestId) is { } replay)
        {
            return replay;
        }

        return await SubmitCheckedAsync(
            System.Text.Encoding.UTF8.GetBytes(submission.Json),
            submission.Author,
            submission.Reason,
            submission.ClientRequestId,
            submission.ExpectedVersion);
    }

    public async Task<BudgetVersion?> GetAsync(int? version = null)
    {
        if (version is not { } number || number == CurrentVersion)
        {
            return await CurrentAsync();
        }

        return State.Versions.Any(v => v.Version == number) ? await VersionGrain(number).GetAsync() : null;
    }

    public Task<ImmutableArray<BudgetVersionInfo>> GetVersionsAsync() =>
        Task.FromResult<ImmutableArray<BudgetVersionInfo>>([.. State.Versions]);

    public Task<UnitStatus> GetStatusAsync() =>
        Task.FromResult(new UnitStatus(
            _year,
            _unitCode,
            State.UnitName,
            State.DepartmentCode,
            State.Status,
            CurrentVersion,
            [.. State.History],
            State.ContributionSequence,
            State.Versions.Count == 0 ? 0 : State.Versions[^1].WarningCount,
            LastChangedAt()));

    public async Task<BudgetFacts?> GetFactsAsync() =>
        await CurrentAsync() is { } current ? BudgetFacts.FromDocument(current.Document) : null;

    public Task<SubmissionResult?> FindResultAsync(string clientRequestId) =>
        Task.FromResult(State.Requests.GetValueOrDefault(clientRequestId)?.Submission);

    public Task<WorkflowResult> SendForReviewAsync(WorkflowCommand command) => TransitionAsync(WorkflowAction.SendForReview, command);

    public Task<WorkflowResult> ApproveAsync(WorkflowCommand command) => TransitionAsync(WorkflowAction.Approve, command);

    public Task<WorkflowResult> ReturnAsync(WorkflowCommand command) => TransitionAsync(WorkflowAction.Return, command);

    public Task<WorkflowResult> ReopenAsync(WorkflowCommand command) => TransitionAsync(WorkflowAction.Reopen, command);

    public async Task RefreshContributionsAsync()
    {
        if (await CurrentAsync() is not { } current)
        {
            return;
        }

        // A unit of a scope joined or left: what is eliminated may change, in the facts even where no leaf changes.
        var desired = await _publisher.DesiredAsync(current.Document);
        var changes = UnitPublisher.Apply(State, desired);
        await state.WriteStateAsync();
        await SendAsync(changes, desired, force: false);
    }

    public async Task RepublishAsync(ImmutableArray<string> strays)
    {
        foreach (var key in strays.IsDefault ? [] : strays)
        {
            if (ScopeFactsKey.IsKey(key))
            {
                // Withdrawn below unless the unit's facts belong there.
                if (!State.FactsShards.Contains(key))
                {
                    State.FactsShards.Add(key);
                }
            }
            else
            {
                State.Published.TryAdd(key, LeafFigures.Zero);
            }
        }

        var desired = await CurrentAsync() is { } current ? await _publisher.DesiredAsync(current.Document) : Publication.None;
        var changes = UnitPublisher.Apply(State, desired);
        await state.WriteStateAsync();
        await SyncOrganizationAsync(register: true);
        await SendAsync(changes with { Leaves = [.. State.Published] }, desired, force: true);
    }

    private async Task<SubmissionResult> SubmitCheckedAsync(byte[] json, string author, string reason, string? requestId, int? expectedVersion)
    {
        BudgetDocument? document;
        List<Finding> findings;

        // The year's catalog as it is now: a catalog imported a moment ago on any silo counts for this submission.
        var catalog = await catalogs.FindAsync(_year);
        try
        {
            var (read, report, _) = BudgetValidator.ReadAndValidate(json, catalog);
            document = read;
            findings = [.. report.Findings];
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or FormatException or JsonException or IndexOutOfRangeException)
        {
            logger.LogWarning(exception, "Unit {Unit}: validation failed", this.GetPrimaryKeyString());
            document = null;
            findings = [new Finding("S-99", Severity.Error, $"无法审核此预算文档 (the document could not be validated): {exception.Message}", ["$"])];
        }

        if (document is not null)
        {
            if (document.Year != _year)
            {
                findings.Add(new Finding("G-01", Severity.Error, $"预算年度 {document.Year} 与单位预算 {this.GetPrimaryKeyString()} 的年度 {_year} 不符", ["$.year"]));
            }

            if (document.UnitCode != _unitCode)
            {
                findings.Add(new Finding("G-02", Severity.Error, $"单位编码 {document.UnitCode} 与单位预算 {this.GetPrimaryKeyString()} 不符", ["$.unitCode"]));
            }
        }

        if (document is null || findings.Any(f => f.Severity == Severity.Error))
        {
            return await RememberAsync(requestId, Result(SubmissionOutcome.Rejected, [.. findings.OrderBy(f => f.Severity)], null));
        }

        if (BudgetWorkflow.Refusal(State.Status, WorkflowAction.Edit, CurrentVersion is not null, []) is { } refusal)
        {
            return await RememberAsync(requestId, Result(SubmissionOutcome.Refused, [], refusal));
        }

        if (expectedVersion is { } expected && expected != (CurrentVersion ?? 0))
        {
            return Result(SubmissionOutcome.Conflict, [], $"预算已被修改：期望版本 {expected}，当前版本 {CurrentVersion ?? 0} (version conflict)");
        }

        var departmentChanged = document.DepartmentCode != State.DepartmentCode;
        var nextState = State.Status == BudgetState.Returned ? BudgetState.Draft : State.Status;
        if (departmentChanged)
        {
            var joined = await Department(document.DepartmentCode).JoinAsync(new DepartmentMember(_unitCode, document.UnitName, nextState));
            if (!joined.Accepted)
            {
                return await RememberAsync(requestId, Result(SubmissionOutcome.Refused, [], joined.Error));
            }
        }

        var desired = await _publisher.DesiredAsync(document);
        var renamed = State.UnitName != document.UnitName;
        var version = new BudgetVersion(
            (CurrentVersion ?? 0) + 1,
            document,
            author,
            _time.GetUtcNow(),
            reason,
            requestId,
            [.. findings.Where(f => f.Severity == Severity.Warning)]);

        // The document first, in its own grain: until the write below records it, the version does not exist.
        await VersionGrain(version.Version).StoreAsync(version);
        State.Versions.Add(Describe(version));
        State.UnitName = document.UnitName;
        var stateChanged = Record(WorkflowAction.Edit, nextState, author, [], version.Version) is not null;
        if (departmentChanged)
        {
            State.PendingLeave = State.DepartmentCode ?? State.PendingLeave;
            State.DepartmentCode = document.DepartmentCode;
        }

        var changes = UnitPublisher.Apply(State, desired);
        var result = Result(SubmissionOutcome.Accepted, version.Warnings, null);
        Remember(requestId, new RememberedResult(result, null));
        await state.WriteStateAsync();

        if (stateChanged && !departmentChanged)
        {
            await Department(State.DepartmentCode!).ReportStateAsync(_unitCode, State.Status);
        }

        await SyncOrganizationAsync(register: departmentChanged || renamed);
        await SendAsync(changes, desired, force: false);
        return result;
    }

    private async Task<WorkflowResult> TransitionAsync(WorkflowAction action, WorkflowCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.ClientRequestId is { } requestId && State.Requests.TryGetValue(requestId, out var remembered))
        {
            if (remembered.Workflow is not { } first)
            {
                return new WorkflowResult(false, State.Status, $"请求编号 {requestId} 已用于其他操作 (the client request id was used for another command)", null);
            }

            if (first.Succeeded && State.DepartmentCode is { } department)
            {
                await Department(department).ReportStateAsync(_unitCode, State.Status);
            }

            return first;
        }

        WorkflowResult result;
        if (BudgetWorkflow.Refusal(State.Status, action, CurrentVersion is not null, command.Reasons) is { } refusal)
        {
            result = new WorkflowResult(false, State.Status, refusal, null);
        }
        else
        {
            var reasons = command.Reasons.IsDefault ? [] : command.Reasons;
            var recorded = Record(action, BudgetWorkflow.Target(action), command.Actor, reasons, CurrentVersion);
            result = new WorkflowResult(true, State.Status, null, recorded);
        }

        Remember(command.ClientRequestId, new RememberedResult(null, result));
        await state.WriteStateAsync();
        if (result.Succeeded && State.DepartmentCode is { } code)
        {
            await Department(code).ReportStateAsync(_unitCode, State.Status);
        }

        return result;
    }

    /// <summary>Moves the workflow to <paramref name="to"/> and records the event; null when the state does not change.</summary>
    private WorkflowEvent? Record(WorkflowAction action, BudgetState to, string actor, ImmutableArray<string> reasons, int? version)
    {
        var from = State.Status;
        if (from == to && action == WorkflowAction.Edit)
        {
            return null;
        }

        var recorded = new WorkflowEvent(State.History.Count + 1, action, from, to, actor, _time.GetUtcNow(), reasons, version);
        State.History.Add(recorded);
        State.Status = to;
        return recorded;
    }

    /// <summary>A retried submission: its first result, after making sure everything it told others was told.</summary>
    private async Task<SubmissionResult?> ReplaySubmissionAsync(string? requestId)
    {
        if (requestId is null || !State.Requests.TryGetValue(requestId, out var remembered))
        {
            return null;
        }

        if (remembered.Submission is not { } first)
        {
            return Result(SubmissionOutcome.Refused, [], $"请求编号 {requestId} 已用于其他操作 (the client request id was used for another command)");
        }

        if (first.Accepted)
        {
            // The first attempt may have failed after storing (a silo went away): tell the department, county and leaves
            // again. Same contribution version, so whoever already has it ignores it.
            await SyncOrganizationAsync(register: true);
            var desired = await CurrentAsync() is { } current ? await _publisher.DesiredAsync(current.Document) : Publication.None;
            await SendAsync(new PublicationChanges([.. State.Published], []), desired, force: false);
        }

        return first;
    }

    private async Task<SubmissionResult> RememberAsync(string? requestId, SubmissionResult result)
    {
        if (requestId is not null)
        {
            Remember(requestId, new RememberedResult(result, null));
            await state.WriteStateAsync();
        }

        return result;
    }

    private void Remember(string? requestId, RememberedResult result)
    {
        if (requestId is not null)
        {
            RememberedRequests.Remember(State, requestId, result);
        }
    }

    private SubmissionResult Result(SubmissionOutcome outcome, ImmutableArray<Finding> findings, string? error) =>
        new(outcome, CurrentVersion, State.Status, findings, error);

    private Task SendAsync(PublicationChanges changes, Publication desired, bool force) =>
        _publisher.SendAsync(State, CurrentVersion, changes, desired, force);

    private Task SyncOrganizationAsync(bool register) =>
        UnitOrganization.SyncAsync(GrainFactory, _year, _unitCode, State, register, logger);

    private IDepartmentGrain Department(string code) => GrainFactory.GetDepartment(_year, code);

    private IBudgetVersionGrain VersionGrain(int version) => GrainFactory.GetBudgetVersion(_year, _unitCode, version);

    /// <summary>The current version, from its version grain; null before the first.</summary>
    private async ValueTask<BudgetVersion?> CurrentAsync()
    {
        if (CurrentVersion is not { } number)
        {
            return null;
        }

        return await VersionGrain(number).GetAsync()
            ?? throw new InvalidOperationException($"单位 {this.GetPrimaryKeyString()} 的第 {number} 版预算缺失 (version {number} is recorded but not stored)");
    }

    /// <summary>The later of the last accepted version and the last workflow event (an edit in 草稿 records no event).</summary>
    private DateTimeOffset? LastChangedAt()
    {
        DateTimeOffset? version = State.Versions.Count == 0 ? null : State.Versions[^1].At;
        DateTimeOffset? workflow = State.History.Count == 0 ? null : State.History[^1].At;
        return version > workflow || workflow is null ? version : workflow;
    }

    /// <summary>The entry of the history list for a version.</summary>
    private static BudgetVersionInfo Describe(BudgetVersion version)
    {
        var document = version.Document;
        var factor = CurrencyUnit.ToTenThousandYuanFactor(document.CurrencyUnit);
        return new BudgetVersionInfo(
            version.Version,
            version.Author,
            version.At,
            version.Reason,
            document.DepartmentCode,
            document.Income.Sum(l => l.Amount) * factor,
            document.Lines.Sum(l => l.Amount) * factor,
            version.Warnings.Length);
    }

    /// <summary>
    /// A row written before versions had grains of their own holds every document: store each in its version grain, keep
    /// only the list here. Done once; a failure leaves the row as it was and is retried at the next activation.
    /// </summary>
    private async Task MoveLegacyVersionsAsync()
    {
        if (State.LegacyVersions.Count == 0)
        {
            return;
        }

        foreach (var version in State.LegacyVersions.Where(v => State.Versions.All(known => known.Version != v.Version)))
        {
            await VersionGrain(version.Version).StoreAsync(version);
            State.Versions.Add(Describe(version));
        }

        State.Versions.Sort((a, b) => a.Version.CompareTo(b.Version));
        State.UnitName = State.LegacyVersions[^1].Document.UnitName;
        State.LegacyVersions = [];
        await state.WriteStateAsync();
        logger.LogInformation("Unit {Unit}: {Count} versions moved to their own grains", this.GetPrimaryKeyString(), State.Versions.Count);
    }
}
