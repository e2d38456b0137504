using System.Globalization;
using Heliodesk.Components;
using Heliodesk.Features.Admin;
using Heliodesk.Features.Agents;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace Heliodesk.Features.Routing.Pages;

/// <summary>
/// The editor's state and writes. The whole schedule is saved at once through <see cref="ScheduleApi.ReplaceSchedule"/>
/// (as the API does), a swap through <see cref="ScheduleApi.SwapShift"/>; their rules answer as field errors.
/// </summary>
public partial class ScheduleEditor
{
    private static readonly IsoDayOfWeek[] Days = ShiftPattern.EveryDay;
    private static readonly string[] PatternFields = ["shifts", "extraShifts"];
    private static readonly string[] OffFields = ["timeOff.first", "timeOff.last"];
    private static readonly string[] SwapFields = ["date", "withAgentId"];

    private readonly AdminErrors _errors = new(), _offErrors = new(), _swapErrors = new();
    private List<ShiftRow> _shifts = [];
    private List<TimeOffDto> _timeOff = [];
    private List<ExtraShiftDto> _extra = [];
    private DateOnly? _first, _last, _swapDate;
    private string _note = "", _swapWith = "";
    private bool _lead;
    private Guid? _loadedFor;

    [Parameter, EditorRequired]
    public WeekAgent Agent { get; set; } = default!;

    [Parameter]
    public IReadOnlyList<WeekAgent> Colleagues { get; set; } = [];

    /// <summary>Closes the editor.</summary>
    [Parameter]
    public EventCallback OnDone { get; set; }

    /// <summary>A write committed: the week around the editor shows it.</summary>
    [Parameter]
    public EventCallback OnSaved { get; set; }

    [Inject]
    private UiSession Session { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    /// <summary>The editable weekly shift; times as "HH:mm", the API's format.</summary>
    private sealed class ShiftRow
    {
        public IsoDayOfWeek Day { get; set; } = IsoDayOfWeek.Monday;
        public TimeOnly? Start { get; set; } = new(9, 0);
        public TimeOnly? End { get; set; } = new(17, 0);

        public ShiftDto ToDto() => new(Day, Format(Start), Format(End));

        private static string Format(TimeOnly? time) => time?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "";
    }

    protected override async Task OnParametersSetAsync()
    {
        // The page re-renders after each save; what is being typed survives unless another agent is opened.
        if (_loadedFor == Agent.Id)
        {
            return;
        }
        _loadedFor = Agent.Id;
        _lead = (await Session.CallerAsync()).Role is AgentRole.Owner or AgentRole.Admin or AgentRole.Lead;
        var response = await Session.ReadAsync(async w =>
            await ScheduleApi.GetSchedule(Agent.Id, w.Caller, w.Db, w.Get<ScheduleStore>(), Time, 7, default));
        if ((response.Result as Ok<ScheduleResponse>)?.Value is { } schedule)
        {
            Show(schedule);
        }
    }

    private void Show(ScheduleResponse schedule)
    {
        _shifts = [.. schedule.Shifts.Select(s => new ShiftRow
        {
            Day = s.Day!.Value,
            Start = TimeOnly.ParseExact(s.Start, "HH:mm", CultureInfo.InvariantCulture),
            End = TimeOnly.ParseExact(s.End, "HH:mm", CultureInfo.InvariantCulture),
        })];
        (_timeOff, _extra) = ([.. schedule.TimeOff], [.. schedule.ExtraShifts]);
    }

    private async Task SavePatternAsync()
    {
        await SaveAsync(_errors, _timeOff);
    }

    private async Task AddTimeOffAsync()
    {
        var off = new TimeOffDto(_first, _last, string.IsNullOrWhiteSpace(_note) ? null : _note.Trim());
        _offErrors.Clear();
        // The request's own annotations ([Required] first and last), keyed as the API would report them.
        if (!AdminCalls.Validate(off, _offErrors, "timeOff."))
        {
            return;
        }
        if (await SaveAsync(_offErrors, [.. _timeOff, off]) is not null)
        {
            (_first, _last, _note) = (null, null, "");
        }
    }

    private Task RemoveTimeOffAsync(TimeOffDto off) => SaveAsync(_offErrors, [.. _timeOff.Where(t => t != off)]);

    /// <summary>Saves the pattern as shown with the given time off; the saved schedule is shown again, or null when refused.</summary>
    private async Task<ScheduleResponse?> SaveAsync(AdminErrors errors, List<TimeOffDto> timeOff)
    {
        if (!Allowed(errors))
        {
            return null;
        }
        var request = new ScheduleRequest([.. _shifts.Select(s => s.ToDto())], timeOff, _extra);
        var id = Agent.Id;
        var outcome = await Session.AdminWriteAsync(errors, w => ScheduleApi.ReplaceSchedule(id, request, w.Db, w.Get<ScheduleStore>(), Time, default), request);
        if (!outcome.Ok)
        {
            return null;
        }
        var saved = outcome.Value<ScheduleResponse>();
        Show(saved);
        await OnSaved.InvokeAsync();
        return saved;
    }

    private async Task SwapAsync()
    {
        if (!Allowed(_swapErrors))
        {
            return;
        }
        var request = new SwapRequest(Guid.TryParse(_swapWith, out var with) ? with : null, _swapDate);
        var id = Agent.Id;
        var outcome = await Session.AdminWriteAsync(_swapErrors, w => ScheduleApi.SwapShift(id, request, w.Db, w.Get<ScheduleStore>(), Time, default), request);
        if (outcome.Ok)
        {
            Show(outcome.Value<ScheduleResponse>());
            (_swapDate, _swapWith) = (null, "");
            await OnSaved.InvokeAsync();
        }
    }

    /// <summary>The handlers are called directly, past the endpoint's Lead policy, so the same policy is checked here.</summary>
    private bool Allowed(AdminErrors errors)
    {
        if (!_lead)
        {
            errors.Clear();
            errors.MessageKey = "Schedules.LeadsOnly";
        }
        return _lead;
    }

    private static string Day(DateOnly? date) => date?.ToString("d", CultureInfo.CurrentCulture) ?? "";
}
