using Compensation.Api.Services;
using Compensation.Rules.Settlement;

namespace Compensation.Api.Features.Results;

/// <summary>An endpoint that answers one part of a saved settlement.</summary>
public abstract class SavedResultEndpoint<TResponse> : ApiEndpoint<ResultRequest, TResponse> where TResponse : notnull
{
    protected abstract TResponse Select(SettlementResult result);

    protected sealed override async Task Handle(ResultRequest req, CancellationToken ct)
    {
        var term = await TermAsync(req.SchoolId, req.TermId, ct);
        var (_, result) = await Resolve<SavedResults>().LoadAsync(Db, term, req.RunId, ct);
        await Send.OkAsync(Select(result), ct);
    }
}
