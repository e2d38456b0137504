using Heliodesk.Common;
using Heliodesk.Components;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Heliodesk.Features.Routing.Pages;

/// <summary>How the routing pages write: through the API's handlers in one UI transaction, a broken rule shown as a message.</summary>
public static class RoutingUi
{
    /// <summary>Runs the write; returns null when it committed, else the rule it broke (nothing is written then).</summary>
    public static async Task<string?> TryWriteAsync(this UiSession session, Func<UiWork, Task> write)
    {
        try
        {
            await session.WriteAsync(async w =>
            {
                await write(w);
                return true;
            });
            return null;
        }
        catch (DomainRuleException e)
        {
            return e.Message;
        }
    }

    /// <summary>A handler's refusal (a duplicate name, say) as a rule broken, so the transaction is not committed.</summary>
    public static void ThrowIfProblem(IResult result, string field)
    {
        if (result is ProblemHttpResult problem)
        {
            throw new DomainRuleException(field, problem.ProblemDetails.Detail ?? problem.ProblemDetails.Title ?? field);
        }
    }
}
