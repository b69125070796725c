using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Classification;
using Akto.Consolidation.Domain.Classification;
using Mediator;

namespace Akto.Consolidation.Application.Classification;

/// <summary>
/// 财政局 replaces a year's function or economic catalog on the running cluster (<paramref name="Csv"/> in the agreed file
/// format). The year's grain checks it and keeps it; submissions from then on validate against it.
/// </summary>
public sealed record ReplaceCatalogCommand(int Year, ClassificationTree Tree, string Csv, string Author) : ICommand<CatalogReplacement>;

public sealed class ReplaceCatalogHandler(IGrainFactory grains) : ICommandHandler<ReplaceCatalogCommand, CatalogReplacement>
{
    public async ValueTask<CatalogReplacement> Handle(ReplaceCatalogCommand command, CancellationToken cancellationToken) =>
        await grains.GetClassificationCatalog(command.Year).ReplaceAsync(command.Tree, command.Csv, command.Author);
}
