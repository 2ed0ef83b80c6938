using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Tietosuoja.Web.Data;

/// <summary>
/// The portal's database: rounds, comments, used comment-form stamps and the Data Protection key
/// ring (so every instance can read the antiforgery and form tokens that another one issued). The
/// model is shared; each provider has its own subclass only so that each has its own migration set.
/// </summary>
public abstract class PortalDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public const int CommentTextMaxLength = 10_000;
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 254;
    public const int TitleMaxLength = 300;
    public const int DescriptionMaxLength = 4_000;
    public const int MailErrorMaxLength = 1_000;

    public DbSet<Round> Rounds => Set<Round>();

    public DbSet<RoundVersion> RoundVersions => Set<RoundVersion>();

    public DbSet<Comment> Comments => Set<Comment>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<ChapterDraft> ChapterDrafts => Set<ChapterDraft>();

    public DbSet<UsedFormStamp> UsedFormStamps => Set<UsedFormStamp>();

    public DbSet<CommentRevision> CommentRevisions => Set<CommentRevision>();

    public DbSet<CommentNote> CommentNotes => Set<CommentNote>();
    public DbSet<OutboxMail> OutboxMails => Set<OutboxMail>();

    /// <summary>
    /// Set by <see cref="MailOutbox.Add"/>: this unit of work holds mail the sender has not been
    /// woken for yet. Only such a unit wakes the sender when it is saved or committed, so the many
    /// transactions that carry no mail do not wake it for an empty pass.
    /// </summary>
    internal bool HoldsUnsignalledMail { get; set; }

    public DbSet<BlockedAddress> BlockedAddresses => Set<BlockedAddress>();

    public DbSet<Subscription> Subscriptions => Set<Subscription>();

    public DbSet<MailSchedule> MailSchedules => Set<MailSchedule>();

    public const int UrlMaxLength = 2000;
    public const int ContributionMaxLength = 1_000;
    public const int MemoMaxLength = 100_000;
    public const int CaptionsMaxLength = 1_000_000;

    public DbSet<PortalEvent> Events => Set<PortalEvent>();

    public DbSet<EventChapter> EventChapters => Set<EventChapter>();

    public DbSet<EventRegistration> EventRegistrations => Set<EventRegistration>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Times are UTC throughout; SQLite stores them as ISO text that compares in order.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<VersionNumber>().HaveConversion<VersionNumberConverter>().HaveMaxLength(10);
        // Enums as words: readable in SQL, exports and backups, and safe when members are added.
        configurationBuilder.Properties<Language>().HaveConversion<string>().HaveMaxLength(2);
        configurationBuilder.Properties<OrganisationType>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<HandlingStatus>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<Moderation>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<AuditAction>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<VersionStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<BlockReason>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<DraftState>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<EventKind>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ParticipantRole>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<RegistrationStatus>().HaveConversion<string>().HaveMaxLength(20);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Round>(round =>
        {
            round.Property(r => r.TitleFi).HasMaxLength(TitleMaxLength);
            round.Property(r => r.TitleSv).HasMaxLength(TitleMaxLength);
            round.Property(r => r.DescriptionFi).HasMaxLength(DescriptionMaxLength);
            round.Property(r => r.DescriptionSv).HasMaxLength(DescriptionMaxLength);
            round.HasMany(r => r.Versions).WithOne().HasForeignKey(v => v.RoundId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<RoundVersion>(version =>
        {
            version.HasKey(v => new { v.RoundId, v.ChapterId, v.Version });
            version.Property(v => v.ChapterId).HasMaxLength(100);
        });

        modelBuilder.Entity<Comment>(comment =>
        {
            comment.Property(c => c.TokenHash).HasMaxLength(32);
            comment.HasIndex(c => c.TokenHash).IsUnique();
            comment.HasOne(c => c.Round).WithMany().HasForeignKey(c => c.RoundId).OnDelete(DeleteBehavior.Restrict);
            comment.HasIndex(c => new { c.RoundId, c.ChapterId, c.Version });
            comment.Property(c => c.ChapterId).HasMaxLength(100);
            comment.Property(c => c.SectionAnchor).HasMaxLength(200);
            comment.Property(c => c.SectionHeading).HasMaxLength(500);
            comment.Property(c => c.Text).HasMaxLength(CommentTextMaxLength);
            comment.Property(c => c.OrganisationName).HasMaxLength(NameMaxLength);
            comment.Property(c => c.AuthorName).HasMaxLength(NameMaxLength);
            comment.Property(c => c.Email).HasMaxLength(EmailMaxLength);
            comment.Property(c => c.Response).HasMaxLength(CommentTextMaxLength);
            comment.Property(c => c.ProtectedToken).HasMaxLength(500);
            comment.Ignore(c => c.IsWithdrawn);
            comment.Property(c => c.AssignedToId).HasMaxLength(100);
            comment.Property(c => c.AssignedToName).HasMaxLength(NameMaxLength);
            comment.HasIndex(c => new { c.RoundId, c.AssignedToId });
            comment.HasMany(c => c.Revisions).WithOne().HasForeignKey(r => r.CommentId).OnDelete(DeleteBehavior.Cascade);
            comment.HasMany(c => c.Notes).WithOne().HasForeignKey(n => n.CommentId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<CommentRevision>(revision =>
        {
            revision.Property(r => r.Text).HasMaxLength(CommentTextMaxLength);
            revision.Property(r => r.SectionHeading).HasMaxLength(500);
        });

        modelBuilder.Entity<CommentNote>(note =>
        {
            note.Property(n => n.Text).HasMaxLength(CommentTextMaxLength);
            note.Property(n => n.AuthorId).HasMaxLength(100);
            note.Property(n => n.AuthorName).HasMaxLength(NameMaxLength);
        });

        modelBuilder.Entity<UsedFormStamp>(stamp =>
        {
            // The key is the unique constraint that makes a stamp single-use, whichever instance is asked.
            stamp.HasKey(s => s.StampHash);
            stamp.Property(s => s.StampHash).HasMaxLength(32);
            stamp.Property(s => s.ProtectedToken).HasMaxLength(500);
            stamp.HasIndex(s => s.UsedAt);
            stamp.HasOne(s => s.Comment).WithMany().HasForeignKey(s => s.CommentId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<OutboxMail>(mail =>
        {
            // The sender's query: what is due and not held by another instance.
            mail.HasIndex(m => m.NextAttemptAt);
            mail.Property(m => m.MessageId).HasMaxLength(200);
            mail.Property(m => m.SenderName).HasMaxLength(TitleMaxLength);
            mail.Property(m => m.To).HasMaxLength(EmailMaxLength);
            mail.Property(m => m.Subject).HasMaxLength(TitleMaxLength * 2);
            mail.Property(m => m.UnsubscribeUrl).HasMaxLength(2000);
            mail.Property(m => m.LastError).HasMaxLength(MailErrorMaxLength);
        });

        modelBuilder.Entity<BlockedAddress>(blocked =>
        {
            blocked.HasKey(b => new { b.Address, b.Reason });
            blocked.Property(b => b.Address).HasMaxLength(EmailMaxLength);
        });

        modelBuilder.Entity<Subscription>(subscription =>
        {
            subscription.Property(s => s.Email).HasMaxLength(EmailMaxLength);
            subscription.Property(s => s.ChapterIds).HasMaxLength(2000);
            subscription.Property(s => s.TokenHash).HasMaxLength(32);
            subscription.HasIndex(s => s.TokenHash).IsUnique();
            subscription.HasIndex(s => s.ConfirmedAt);
            subscription.Ignore(s => s.Chapters);
        });

        modelBuilder.Entity<MailSchedule>(schedule =>
        {
            schedule.HasKey(s => s.Name);
            schedule.Property(s => s.Name).HasMaxLength(100);
        });

        modelBuilder.Entity<AuditEntry>(entry =>
        {
            entry.HasIndex(e => e.At);
            entry.Property(e => e.ActorId).HasMaxLength(100);
            entry.Property(e => e.ActorName).HasMaxLength(NameMaxLength);
            entry.Property(e => e.Subject).HasMaxLength(TitleMaxLength);
            entry.Property(e => e.Details).HasMaxLength(DescriptionMaxLength);
        });

        modelBuilder.Entity<ChapterDraft>(draft =>
        {
            draft.Property(d => d.ChapterId).HasMaxLength(100);
            draft.Property(d => d.NewChapterSlugFi).HasMaxLength(100);
            draft.Property(d => d.NewChapterSlugSv).HasMaxLength(100);
            draft.Property(d => d.Title).HasMaxLength(TitleMaxLength);
            draft.Property(d => d.Summary).HasMaxLength(DescriptionMaxLength);
            draft.Property(d => d.UpdatedBy).HasMaxLength(NameMaxLength);
            draft.Property(d => d.SubmittedById).HasMaxLength(100);
            draft.Property(d => d.SubmittedByName).HasMaxLength(NameMaxLength);
            draft.Property(d => d.ReviewedById).HasMaxLength(100);
            draft.Property(d => d.ReviewedByName).HasMaxLength(NameMaxLength);
            draft.Property(d => d.ReviewNote).HasMaxLength(DescriptionMaxLength);
            // The scheduler's query: due drafts in one state.
            draft.HasIndex(d => new { d.State, d.PublishAt });
            draft.Ignore(d => d.IsNewChapter);
        });

        ConfigureEvents(modelBuilder);
    }

    private static void ConfigureEvents(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PortalEvent>(portalEvent =>
        {
            portalEvent.Property(e => e.TitleFi).HasMaxLength(TitleMaxLength);
            portalEvent.Property(e => e.TitleSv).HasMaxLength(TitleMaxLength);
            portalEvent.Property(e => e.DescriptionFi).HasMaxLength(DescriptionMaxLength);
            portalEvent.Property(e => e.DescriptionSv).HasMaxLength(DescriptionMaxLength);
            portalEvent.Property(e => e.MeetingLink).HasMaxLength(UrlMaxLength);
            portalEvent.Property(e => e.RecordingUrl).HasMaxLength(UrlMaxLength);
            portalEvent.Property(e => e.MemoFi).HasMaxLength(MemoMaxLength);
            portalEvent.Property(e => e.MemoSv).HasMaxLength(MemoMaxLength);
            portalEvent.Property(e => e.TranscriptFi).HasMaxLength(MemoMaxLength);
            portalEvent.Property(e => e.TranscriptSv).HasMaxLength(MemoMaxLength);
            portalEvent.Property(e => e.CaptionsVtt).HasMaxLength(CaptionsMaxLength);
            // The public list's query (upcoming and past by start) and the retention's (ended before).
            portalEvent.HasIndex(e => e.StartsAt);
            portalEvent.HasIndex(e => e.EndsAt);
            portalEvent.HasOne<Round>().WithMany().HasForeignKey(e => e.RoundId).OnDelete(DeleteBehavior.SetNull);
            portalEvent.HasMany(e => e.Chapters).WithOne().HasForeignKey(c => c.EventId).OnDelete(DeleteBehavior.Cascade);
            portalEvent.HasMany(e => e.Registrations).WithOne(r => r.Event).HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<EventChapter>(chapter =>
        {
            chapter.HasKey(c => new { c.EventId, c.ChapterId });
            chapter.Property(c => c.ChapterId).HasMaxLength(100);
            // A chapter page's query: the events that concern it.
            chapter.HasIndex(c => c.ChapterId);
        });

        modelBuilder.Entity<EventRegistration>(registration =>
        {
            registration.Property(r => r.TokenHash).HasMaxLength(32);
            registration.HasIndex(r => r.TokenHash).IsUnique();
            registration.Property(r => r.FormStampHash).HasMaxLength(32);
            registration.HasIndex(r => r.FormStampHash).IsUnique();
            registration.Property(r => r.ProtectedToken).HasMaxLength(500);
            registration.Property(r => r.Name).HasMaxLength(NameMaxLength);
            registration.Property(r => r.Email).HasMaxLength(EmailMaxLength);
            registration.Property(r => r.OrganisationName).HasMaxLength(NameMaxLength);
            registration.Property(r => r.Contribution).HasMaxLength(ContributionMaxLength);
            registration.HasIndex(r => new { r.EventId, r.Status });
        });
    }

    // Internal, not private: the compiled models (Data/CompiledModels) construct them.
    internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));

    internal sealed class VersionNumberConverter() : ValueConverter<VersionNumber, string>(
        value => value.ToString(),
        value => VersionNumber.Parse(value));
}

/// <summary>The default provider: a SQLite file, created and migrated on start.</summary>
public sealed class SqliteDbContext(DbContextOptions<SqliteDbContext> options) : PortalDbContext(options);

/// <summary>Production: SQL Server, shared by every instance.</summary>
public sealed class SqlServerDbContext(DbContextOptions<SqlServerDbContext> options) : PortalDbContext(options);
