using Akto.Consolidation.Application.Behaviors;
using Akto.Consolidation.Application.Budgets;
using Mediator;

namespace Akto.Consolidation.Application.Tests.Behaviors;

public sealed class PipelineBehaviorTests
{
    private static ChangeWorkflowStateCommand Command(WorkflowActionName action, string[] reasons, string? key = null) =>
        new(2024, "139001", action, "tester", reasons, key);

    private static ValueTask<string> Next(ChangeWorkflowStateCommand command, CancellationToken cancellationToken) => ValueTask.FromResult("handled");

    [Fact]
    public async Task Validation_lets_a_valid_message_through()
    {
        var behavior = new ValidationBehavior<ChangeWorkflowStateCommand, string>();

        Assert.Equal("handled", await behavior.Handle(Command(WorkflowActionName.Return, ["超标"]), Next, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Validation_refuses_returning_a_budget_without_a_reason_naming_the_field()
    {
        var behavior = new ValidationBehavior<ChangeWorkflowStateCommand, string>();

        var exception = await Assert.ThrowsAsync<RequestValidationException>(async () =>
            await behavior.Handle(Command(WorkflowActionName.Return, ["  "]), Next, TestContext.Current.CancellationToken));

        Assert.Equal(["reasons"], exception.Errors.Keys);
    }

    [Theory]
    [InlineData("")]
    [InlineData("bad\nkey")]
    public async Task Idempotency_keys_must_be_printable_and_short(string key)
    {
        var behavior = new IdempotencyBehavior<ChangeWorkflowStateCommand, string>();

        var exception = await Assert.ThrowsAsync<RequestValidationException>(async () =>
            await behavior.Handle(Command(WorkflowActionName.Submit, [], key), Next, TestContext.Current.CancellationToken));

        Assert.Equal(["Idempotency-Key"], exception.Errors.Keys);
    }

    [Fact]
    public async Task Idempotency_refuses_a_key_longer_than_the_limit_and_accepts_one_at_it()
    {
        var behavior = new IdempotencyBehavior<ChangeWorkflowStateCommand, string>();
        var atLimit = new string('k', IdempotencyBehavior<ChangeWorkflowStateCommand, string>.MaxKeyLength);

        Assert.Equal("handled", await behavior.Handle(Command(WorkflowActionName.Submit, [], atLimit), Next, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<RequestValidationException>(async () =>
            await behavior.Handle(Command(WorkflowActionName.Submit, [], atLimit + "k"), Next, TestContext.Current.CancellationToken));
    }
}
