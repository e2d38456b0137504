using System.Linq.Expressions;
using Heliodesk.Common;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Contacts;
using Heliodesk.Features.Tickets;
using Heliodesk.Features.Tickets.Live;
using Heliodesk.Features.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Heliodesk.Data;

/// <summary>
/// The system of record. Provider subclasses exist only so each provider keeps its own migrations;
/// the model is defined once, here and in the feature folders' entity configurations.
/// </summary>
public abstract class HeliodeskDb(DbContextOptions options) : DbContext(options)
{
    private WorkspaceScope _scope = new();
    private ISaveParticipant[]? _participants;
    private List<TicketChange> _ticketChanges = [];

    public Guid CurrentWorkspaceId => _scope.WorkspaceId;

    /// <summary>Contexts are pooled, so the unit of work's scope is attached when one is rented.</summary>
    internal HeliodeskDb Within(WorkspaceScope scope)
    {
        _scope = scope;
        _ticketChanges = [];
        return this;
    }

    public DbSet<Workspace> Workspaces => Set<Workspace>();
    public DbSet<User> Users => Set<User>();
    public DbSet<Agent> Agents => Set<Agent>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<ContactEmail> ContactEmails => Set<ContactEmail>();
    public DbSet<Ticket> Tickets => Set<Ticket>();
    public DbSet<TicketTag> TicketTags => Set<TicketTag>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<TicketEvent> TicketEvents => Set<TicketEvent>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<Features.Inbox.SavedView> SavedViews => Set<Features.Inbox.SavedView>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HeliodeskDb).Assembly);
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            if (typeof(IWorkspaceOwned).IsAssignableFrom(entity.ClrType))
            {
                modelBuilder.Entity(entity.ClrType).HasQueryFilter(WorkspaceFilter(entity.ClrType));
            }
        }
    }

    /// <summary>Ticket changes saved since the last call, for the live feed to publish once committed.</summary>
    internal List<TicketChange> TakeCommittedTicketChanges()
    {
        var changes = _ticketChanges;
        _ticketChanges = [];
        return changes;
    }

    internal void RecordTicketChanges(IEnumerable<TicketChange> changes) => _ticketChanges.AddRange(changes);

    public override async Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        await PrepareSaveAsync(cancellationToken);
        return await base.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The unit of work as plain INSERTs for the group-commit writer, or null when it holds anything
    /// else (an update, a delete, a changed ticket), which EF must save itself.
    /// </summary>
    internal async ValueTask<IReadOnlyList<RowInsert>?> PlanInsertsAsync(CancellationToken ct)
    {
        // One scan for changes; the steps below only add entities, which EF tracks without another scan.
        ChangeTracker.DetectChanges();
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var onlyNewRows = ChangeTracker.Entries().All(e => e.State == EntityState.Added
                || (e.State == EntityState.Unchanged && e.Entity is not Ticket { PendingEvents.Count: > 0 }));
            if (!onlyNewRows)
            {
                return null;
            }
            TicketChangeTracking.Apply(this);
            await RunParticipantsAsync(ct);
            return ModelInserts.TryPlan(this);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PrepareSaveAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>
    /// Ticket versions and events, then the participants, all reading the tracker as one scan for changes left it:
    /// each of their Entries() calls would otherwise scan every tracked entity again (a routing batch tracks
    /// hundreds). EF's own scan in SaveChanges still sees what they changed, like a ticket's new version.
    /// </summary>
    private async ValueTask PrepareSaveAsync(CancellationToken ct)
    {
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        if (autoDetect)
        {
            ChangeTracker.DetectChanges();
        }
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            TicketChangeTracking.Apply(this);
            await RunParticipantsAsync(ct);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    /// <summary>Lets features add rows to this save (e.g. outbox rows for the events it records); see <see cref="ISaveParticipant"/>.</summary>
    private async ValueTask RunParticipantsAsync(CancellationToken ct)
    {
        _participants ??= this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?
            .GetServices<ISaveParticipant>().ToArray() ?? [];
        foreach (var participant in _participants)
        {
            await participant.PrepareAsync(this, ct);
        }
    }

    // e => e.WorkspaceId == this.CurrentWorkspaceId, built per entity type; EF re-reads the
    // property for every query, so one compiled model serves every workspace.
    private LambdaExpression WorkspaceFilter(Type clrType)
    {
        var entity = Expression.Parameter(clrType, "e");
        var owned = Expression.Property(entity, nameof(IWorkspaceOwned.WorkspaceId));
        var current = Expression.Property(Expression.Constant(this), nameof(CurrentWorkspaceId));
        return Expression.Lambda(Expression.Equal(owned, current), entity);
    }
}
