using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Contacts;
using Heliodesk.Features.Tickets;
using Heliodesk.Features.Workspaces;

namespace Heliodesk.Features.Demo;

public sealed record DemoCredentials(string OwnerEmail, string OwnerPassword);

/// <summary>
/// The "Demo" workspace a first start creates, so a new user has something real to work on: a support team
/// spread over AMER, EMEA and APAC, customers with plans and revenue, and three weeks of tickets in the
/// languages those customers write.
/// </summary>
public sealed partial class DemoWorkspace(
    HeliodeskDb db, WorkspaceProvisioning provisioning, WorkspaceScope scope, ContactDirectory contacts, Intake.TicketNumbers numbers,
    TimeProvider time, ILogger<DemoWorkspace> log)
{
    public const string OwnerEmail = "owner@demo.heliodesk.test";

    public async Task<DemoCredentials> CreateAsync(CancellationToken ct)
    {
        var started = time.GetTimestamp();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await provisioning.CreateAsync("Demo", OwnerEmail, "Demo Owner", ct);

        var scripts = DemoTickets.All;
        var anchor = DemoHistory.Anchor(time.GetUtcNow(), scripts);
        var cast = await DemoRoster.AddAsync(db, created.Workspace.Id, anchor, ct);
        DemoRouting.Add(db, created.Workspace.Id, cast, anchor);
        DemoStaffing.AddRules(db, created.Workspace.Id, anchor);
        // Intake finds requesters and their organizations by querying, so they must be stored before any ticket opens.
        await db.SaveChangesAsync(ct);

        // The demo's own clock, so Intake and Conversation stamp each step when it happened in the script.
        var clock = new DemoClock(anchor);
        var conversation = new Conversation(db);
        var intake = new Intake.Intake(db, scope, contacts, conversation, numbers, clock);
        var tickets = await new DemoHistory(intake, conversation, clock, cast).PlayAsync([.. scripts, .. DemoStaffing.History(anchor)], anchor, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        LogFilled(log, cast.Agents.Count, cast.Contacts.Count, tickets, (long)time.GetElapsedTime(started).TotalMilliseconds);
        return new DemoCredentials(OwnerEmail, created.OwnerPassword!);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo workspace filled: {Agents} agents, {Contacts} contacts, {Tickets} tickets in {ElapsedMs} ms.")]
    private static partial void LogFilled(ILogger logger, int agents, int contacts, int tickets, long elapsedMs);
}
