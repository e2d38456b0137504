namespace Heliodesk.Common;

/// <summary>
/// Marks a write endpoint whose requests may be committed together with others (SQLite's group-commit
/// writer, docs/decisions/0008). Only requests that insert new rows qualify; the predicate sees the
/// bound arguments and keeps out those that would change existing rows (e.g. claiming uploads), which
/// then run in their own transaction as before.
/// </summary>
public sealed class GroupCommit(Func<IList<object?>, bool> qualifies)
{
    public bool Qualifies(IList<object?> arguments) => qualifies(arguments);
}

public static class GroupCommitExtensions
{
    public static RouteHandlerBuilder WithGroupCommit<TRequest>(this RouteHandlerBuilder builder, Func<TRequest, bool> qualifies) =>
        builder.WithMetadata(new GroupCommit(arguments => arguments.OfType<TRequest>().All(qualifies)));
}
