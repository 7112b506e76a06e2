using System.Security.Claims;
using System.Security.Cryptography;
using CyberReview.Data;
using CyberReview.Data.Cases;
using CyberReview.Data.Conflicts;
using CyberReview.Data.Identity;
using CyberReview.Data.Panels;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Criteria;
using CyberReview.Reviews.Decisions;
using CyberReview.Reviews.Panels;
using CyberReview.Web.Features.Cases;
using CyberReview.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CyberReview.Web.Features.Panels;

/// <summary>What the office asks of a draw: how many seats (odd) and which risk areas the panel must cover.</summary>
public sealed record DrawRequest(int? Seats, IReadOnlyList<RiskArea>? RiskAreas);

/// <summary>An expert's opinion on one risk area.</summary>
public sealed record OpinionInput(RiskArea RiskArea, OpinionRating Rating, string? Reasoning);

/// <summary>
/// The panel's work: the office draws it and replaces conflicted seats; each seated expert gives an opinion per risk
/// area and then a vote. Each command is one transaction with its timeline line.
/// </summary>
public sealed class PanelCommands(ReviewDbContext db, CaseCommands cases, TimeProvider clock, IOptions<PanelOptions> options, IStringLocalizer<Resources.Text> text)
{
    public const int MaxReasoningLength = 8000;

    /// <summary>The office draws the panel of a case in evaluation, at random among the available, unconflicted experts who fit.</summary>
    public async Task<PanelOutcome> DrawAsync(Guid caseId, DrawRequest request, ClaimsPrincipal user, CancellationToken cancellationToken, string? idempotencyKey = null)
    {
        if (await IdempotencyKeys.PreviousAsync(db, user, idempotencyKey, nameof(DrawAsync), cancellationToken) is not null)
            return new PanelOutcome.Done(caseId);
        var parts = await CaseAccess.PartsAsync(db, user, caseId, cancellationToken);
        if (!PanelAccess.Sees(parts))
            return new PanelOutcome.NotFound();
        if (!parts.Contains(CaseActor.Office))
            return Refused("OfficeOnly");
        var seats = request.Seats ?? options.Value.Seats;
        if (!PanelRule.IsPanelSize(seats))
            return new PanelOutcome.Invalid("Seats", text["Panels.SeatsOdd", PanelRule.SmallestPanel, PanelRule.LargestPanel]);
        var areas = request.RiskAreas ?? Enum.GetValues<RiskArea>();
        if (areas.Count == 0)
            return new PanelOutcome.Invalid("RiskAreas", text["Panels.ChooseAreas"]);

        var reviewCase = await LoadAsync(caseId, cancellationToken);
        if (reviewCase.State != CaseState.Evaluation)
            return Refused("DrawOnlyInEvaluation", text[$"CaseState.{reviewCase.State}"].Value);
        if (await db.PanelDraws.AnyAsync(d => d.CaseId == caseId && d.Kind == DrawKind.Panel, cancellationToken))
            return Refused("AlreadyDrawn");
        var versionIds = reviewCase.Versions.Select(cv => cv.ProductVersionId).ToList();
        var kinds = await db.ProductVersions.Where(v => versionIds.Contains(v.Id))
            .Join(db.Products, v => v.ProductId, p => p.Id, (_, p) => p.Kind).Distinct().ToListAsync(cancellationToken);
        var rule = new PanelRule(seats, [.. areas.Distinct().Order()], [.. kinds.Order()]);
        var candidates = await CandidatesAsync(reviewCase, [], cancellationToken);
        var seed = RandomNumberGenerator.GetBytes(32);
        var agreement = options.Value.AgreementRule;

        var outcome = PanelDraw.Draw(seed, candidates, rule);
        if (outcome is not PanelDrawOutcome.Drawn drawn)
            return Refusal(outcome);
        var draw = Record(reviewCase, DrawKind.Panel, seed, rule, agreement, candidates, [], drawn.Experts, user, null);
        CaseRecords.Event(reviewCase, clock, user, CaseActor.Office, "PanelDrawn", null, null,
            text["Panels.DrawnEvent", drawn.Experts.Count, drawn.Eligible, agreement.ToString()]);
        IdempotencyKeys.Remember(db, clock, user, idempotencyKey, nameof(DrawAsync), draw.Id);
        return Saved(await cases.SaveAsync(reviewCase, cancellationToken));
    }

    /// <summary>
    /// The office replaces every seat held by an expert the conflict rule now rules out: those seats are released
    /// (with the experts' access to the case) and redrawn, reproducibly, keeping the rest of the panel.
    /// </summary>
    public async Task<PanelOutcome> ReplaceConflictedAsync(Guid caseId, ClaimsPrincipal user, CancellationToken cancellationToken, string? idempotencyKey = null)
    {
        if (await IdempotencyKeys.PreviousAsync(db, user, idempotencyKey, nameof(ReplaceConflictedAsync), cancellationToken) is not null)
            return new PanelOutcome.Done(caseId);
        var parts = await CaseAccess.PartsAsync(db, user, caseId, cancellationToken);
        if (!PanelAccess.Sees(parts))
            return new PanelOutcome.NotFound();
        if (!parts.Contains(CaseActor.Office))
            return Refused("OfficeOnly");
        var reviewCase = await LoadAsync(caseId, cancellationToken);
        if (!SeatsRedrawnIn(reviewCase.State))
            return Refused("ReplaceNotNow", text[$"CaseState.{reviewCase.State}"].Value);
        var panel = await db.PanelDraws.AsNoTracking().SingleOrDefaultAsync(d => d.CaseId == caseId && d.Kind == DrawKind.Panel, cancellationToken);
        if (panel is null)
            return Refused("NoPanel");
        var ruledOut = db.RuledOutFor(reviewCase.ProviderId);
        var active = await db.PanelSeats.Where(s => s.CaseId == caseId && s.ReleasedAt == null).OrderBy(s => s.SeatedAt).ThenBy(s => s.Position).ToListAsync(cancellationToken);
        var activeIds = active.Select(s => s.ExpertId).ToList();
        var conflicted = await ruledOut.Where(id => activeIds.Contains(id)).ToListAsync(cancellationToken);
        if (conflicted.Count == 0)
            return Refused("NoConflictedSeats");

        var everSeated = await db.PanelSeats.Where(s => s.CaseId == caseId).Select(s => s.ExpertId).ToListAsync(cancellationToken);
        var candidates = await CandidatesAsync(reviewCase, everSeated, cancellationToken);
        var kept = await ExpertiseOfAsync([.. activeIds.Where(id => !conflicted.Contains(id))], cancellationToken);
        var rule = new PanelRule(conflicted.Count, panel.RiskAreas, panel.ProductKinds);
        var seed = RandomNumberGenerator.GetBytes(32);
        var agreement = new AgreementRule(panel.Agreement, panel.AgreementNumerator, panel.AgreementDenominator);
        var outcome = PanelDraw.Draw(seed, candidates, rule, kept);
        if (outcome is not PanelDrawOutcome.Drawn drawn)
            return Refusal(outcome);

        var draw = Record(reviewCase, DrawKind.Replacement, seed, rule, agreement, candidates, kept, drawn.Experts, user, text["Panels.ReplacedReason"]);
        var now = clock.GetUtcNow();
        foreach (var seat in active.Where(s => conflicted.Contains(s.ExpertId)))
        {
            (seat.ReleasedAt, seat.ReleasedByDrawId) = (now, draw.Id);
            reviewCase.Members.RemoveAll(m => m.Part == CaseActor.Expert && m.UserId == seat.ExpertId);
        }
        CaseRecords.Event(reviewCase, clock, user, CaseActor.Office, "PanelSeatsReplaced", null, null,
            text["Panels.ReplacedEvent", conflicted.Count, drawn.Eligible]);
        IdempotencyKeys.Remember(db, clock, user, idempotencyKey, nameof(ReplaceConflictedAsync), draw.Id);
        return Saved(await cases.SaveAsync(reviewCase, cancellationToken));
    }

    /// <summary>Whether conflicted seats may be redrawn in this state: from the draw until the decision.</summary>
    public static bool SeatsRedrawnIn(CaseState state) => state is CaseState.Evaluation or CaseState.AwaitingProvider or CaseState.ExpertReview;

    /// <summary>A seated expert gives (or revises, until voting) opinions on the panel's risk areas.</summary>
    public async Task<PanelOutcome> GiveOpinionsAsync(Guid caseId, IReadOnlyList<OpinionInput> opinions, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (seat, reviewCase, refusal) = await SeatForAsync(caseId, user, cancellationToken);
        if (refusal is not null)
            return refusal;
        var areas = await db.PanelDraws.Where(d => d.CaseId == caseId && d.Kind == DrawKind.Panel).Select(d => d.RiskAreas).SingleAsync(cancellationToken);
        var errors = new Dictionary<string, string[]>();
        if (opinions.Count == 0)
            errors["Opinions"] = [text["Panels.NoOpinions"]];
        foreach (var (opinion, index) in opinions.Select((o, i) => (o, i)))
        {
            if (!areas.Contains(opinion.RiskArea) || opinions.Take(index).Any(o => o.RiskArea == opinion.RiskArea))
                errors[$"Opinions[{index}].RiskArea"] = [text["Panels.AreaNotOfPanel", text[$"RiskArea.{opinion.RiskArea}"].Value]];
            if (string.IsNullOrWhiteSpace(opinion.Reasoning) || opinion.Reasoning.Length > MaxReasoningLength)
                errors[$"Opinions[{index}].Reasoning"] = [text[string.IsNullOrWhiteSpace(opinion.Reasoning) ? "Panels.ReasoningRequired" : "Validation.MaxLength",
                    text[$"RiskArea.{opinion.RiskArea}"].Value, MaxReasoningLength]];
        }
        if (errors.Count > 0)
            return new PanelOutcome.Invalid(errors);

        var given = await db.ExpertOpinions.Where(o => o.SeatId == seat!.Id).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var opinion in opinions)
        {
            if (given.SingleOrDefault(o => o.RiskArea == opinion.RiskArea) is { } earlier)
            {
                (earlier.Rating, earlier.Reasoning, earlier.GivenAt) = (opinion.Rating, opinion.Reasoning!.Trim(), now);
                continue;
            }
            db.ExpertOpinions.Add(new ExpertOpinion
            {
                Id = Guid.CreateVersion7(now),
                CaseId = caseId,
                SeatId = seat!.Id,
                RiskArea = opinion.RiskArea,
                Rating = opinion.Rating,
                Reasoning = opinion.Reasoning!.Trim(),
                GivenAt = now,
            });
        }
        CaseRecords.Event(reviewCase!, clock, user, CaseActor.Expert, "OpinionsGiven", null, null,
            string.Join(", ", opinions.Select(o => text[$"RiskArea.{o.RiskArea}"].Value)));
        return await SaveAsync(caseId, cancellationToken);
    }

    /// <summary>A seated expert who has given an opinion on every risk area of the panel votes; the vote is final.</summary>
    public async Task<PanelOutcome> VoteAsync(Guid caseId, ReviewOutcome vote, string? reasoning, ClaimsPrincipal user, CancellationToken cancellationToken, string? idempotencyKey = null)
    {
        if (await IdempotencyKeys.PreviousAsync(db, user, idempotencyKey, nameof(VoteAsync), cancellationToken) is not null)
            return new PanelOutcome.Done(caseId);
        if (reasoning?.Length > MaxReasoningLength)
            return new PanelOutcome.Invalid("Reasoning", text["Validation.MaxLength", text["Field.Reasoning"].Value, MaxReasoningLength]);
        var (seat, reviewCase, refusal) = await SeatForAsync(caseId, user, cancellationToken);
        if (refusal is not null)
            return refusal;
        var areas = await db.PanelDraws.Where(d => d.CaseId == caseId && d.Kind == DrawKind.Panel).Select(d => d.RiskAreas).SingleAsync(cancellationToken);
        var given = await db.ExpertOpinions.Where(o => o.SeatId == seat!.Id).Select(o => o.RiskArea).ToListAsync(cancellationToken);
        if (areas.Except(given).ToList() is { Count: > 0 } missing)
            return Refused("OpinionsMissing", string.Join(", ", missing.Select(a => text[$"RiskArea.{a}"].Value)));

        (seat!.Vote, seat.VoteReasoning, seat.VotedAt) = (vote, string.IsNullOrWhiteSpace(reasoning) ? null : reasoning.Trim(), clock.GetUtcNow());
        CaseRecords.Event(reviewCase!, clock, user, CaseActor.Expert, "Voted", null, null, null);
        IdempotencyKeys.Remember(db, clock, user, idempotencyKey, nameof(VoteAsync), seat.Id);
        // The last vote settles the panel: the timeline says so, with the count the rule was applied to.
        var others = await db.PanelSeats.Where(s => s.CaseId == caseId && s.ReleasedAt == null && s.Id != seat.Id).Select(s => s.Vote).ToListAsync(cancellationToken);
        if (others.All(v => v is not null))
        {
            var standing = await PanelStanding.ReadAsync(db, caseId, reviewCase!.ProviderId, cancellationToken);
            var votes = others.Select(v => v!.Value).Append(vote).ToList();
            var tally = standing.Rule!.Tally(votes.Count, votes);
            if (standing.ConflictedSeats == 0)
            {
                CaseRecords.Event(reviewCase, clock, user, CaseActor.Expert, tally.Verdict == PanelVerdict.Agreed ? "PanelAgreed" : "PanelDisagreed", null, null,
                    text["Panels.VerdictEvent", string.Join(", ", votes.GroupBy(v => v).OrderByDescending(g => g.Count()).Select(g => $"{text[$"ReviewOutcome.{g.Key}"].Value} {g.Count()}")), standing.Rule.ToString()]);
            }
        }
        return await SaveAsync(caseId, cancellationToken);
    }

    private async Task<(PanelSeat? Seat, ReviewCase? Case, PanelOutcome? Refusal)> SeatForAsync(Guid caseId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var parts = await CaseAccess.PartsAsync(db, user, caseId, cancellationToken);
        if (!PanelAccess.Sees(parts))
            return (null, null, new PanelOutcome.NotFound());
        var userId = user.UserId();
        var seat = await db.PanelSeats.SingleOrDefaultAsync(s => s.CaseId == caseId && s.ExpertId == userId && s.ReleasedAt == null, cancellationToken);
        if (seat is null || !parts.Contains(CaseActor.Expert))
            return (null, null, Refused("NotSeated"));
        var reviewCase = await LoadAsync(caseId, cancellationToken);
        if (reviewCase.State != CaseState.ExpertReview)
            return (null, null, Refused("OnlyInExpertReview", text[$"CaseState.{reviewCase.State}"].Value));
        if (seat.Vote is not null)
            return (null, null, Refused("AlreadyVoted"));
        return (seat, reviewCase, null);
    }

    // Available experts with a profile, still able to sign in, not ruled out for the provider, in the order of their id as text.
    private async Task<List<PanelCandidate>> CandidatesAsync(ReviewCase reviewCase, List<Guid> excluded, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var expertRole = IdentitySetup.RoleName(Role.Expert);
        var ruledOut = db.RuledOutFor(reviewCase.ProviderId);
        var experts = db.UserRoles.Where(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == expertRole)).Select(ur => ur.UserId);
        var pool = await db.ExpertProfiles
            .Where(p => p.Available && experts.Contains(p.UserId) && !ruledOut.Contains(p.UserId) && !excluded.Contains(p.UserId))
            .Where(p => db.Users.Any(u => u.Id == p.UserId && u.ActivatedAt != null && (u.LockoutEnd == null || u.LockoutEnd < now)))
            .Select(p => new { p.UserId, p.RiskAreas, p.ProductKinds })
            .ToListAsync(cancellationToken);
        return [.. pool
            .Select(p => new PanelCandidate(p.UserId, [.. p.RiskAreas.Distinct().Order()], [.. p.ProductKinds.Distinct().Order()]))
            .OrderBy(c => c.ExpertId.ToString("D"), StringComparer.Ordinal)];
    }

    private async Task<List<PanelCandidate>> ExpertiseOfAsync(List<Guid> experts, CancellationToken cancellationToken)
    {
        var profiles = await db.ExpertProfiles.Where(p => experts.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, cancellationToken);
        return [.. experts.Select(id => profiles.TryGetValue(id, out var p)
            ? new PanelCandidate(id, [.. p.RiskAreas.Distinct().Order()], [.. p.ProductKinds.Distinct().Order()])
            : new PanelCandidate(id, [], []))];
    }

    private Draw Record(ReviewCase reviewCase, DrawKind kind, byte[] seed, PanelRule rule, AgreementRule agreement,
        IReadOnlyList<PanelCandidate> candidates, IReadOnlyList<PanelCandidate> kept, IReadOnlyList<Guid> drawn, ClaimsPrincipal user, string? reason)
    {
        var now = clock.GetUtcNow();
        var draw = Draw.Of(reviewCase.Id, kind, now, user.UserId(), seed, rule, agreement, candidates, kept, drawn, reason);
        db.PanelDraws.Add(draw);
        foreach (var (expertId, position) in drawn.Select((id, i) => (id, i + 1)))
        {
            db.PanelSeats.Add(new PanelSeat { Id = Guid.CreateVersion7(now), CaseId = reviewCase.Id, DrawId = draw.Id, ExpertId = expertId, Position = position, SeatedAt = now });
            CaseRecords.Grant(reviewCase, clock, CaseActor.Expert, userId: expertId);
        }
        return draw;
    }

    private PanelOutcome.Refused Refusal(PanelDrawOutcome outcome) => outcome switch
    {
        PanelDrawOutcome.TooFewEligible few => Refused("TooFewEligible", few.Eligible, few.Seats),
        PanelDrawOutcome.AreaUncovered area => Refused("AreaUncovered", text[$"RiskArea.{area.Area}"].Value, area.Eligible),
        PanelDrawOutcome.TooFewSeatsToCover seats => Refused("TooFewSeatsToCover", seats.Seats, seats.Eligible),
        _ => throw new InvalidOperationException("A panel was drawn; it is not a refusal."),
    };

    private PanelOutcome.Refused Refused(string code, params object[] arguments) => new(code, text[$"Panels.Refused.{code}", arguments]);

    private async Task<ReviewCase> LoadAsync(Guid caseId, CancellationToken cancellationToken) =>
        await db.Cases.Include(c => c.Members).Include(c => c.Versions).AsSplitQuery().SingleAsync(c => c.Id == caseId, cancellationToken);

    private static PanelOutcome Saved(CaseOutcome outcome) => outcome switch
    {
        CaseOutcome.Done done => new PanelOutcome.Done(done.CaseId),
        _ => new PanelOutcome.Conflict(),
    };

    // Opinions and votes of different experts do not collide: the case's revision is left alone, so they can arrive together.
    private async Task<PanelOutcome> SaveAsync(Guid caseId, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new PanelOutcome.Done(caseId);
        }
        catch (DbUpdateException)
        {
            return new PanelOutcome.Conflict();
        }
    }
}
