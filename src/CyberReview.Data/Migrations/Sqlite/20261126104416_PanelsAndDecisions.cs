using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CyberReview.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PanelsAndDecisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Visibility = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Part = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SupersedesId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Decisions_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Decisions_Decisions_SupersedesId",
                        column: x => x.SupersedesId,
                        principalTable: "Decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExpertProfiles",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RiskAreas = table.Column<string>(type: "TEXT", nullable: false),
                    ProductKinds = table.Column<string>(type: "TEXT", nullable: false),
                    Available = table.Column<bool>(type: "INTEGER", nullable: false),
                    AvailabilityNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpertProfiles", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_ExpertProfiles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PanelDraws",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DrawnAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DrawnById = table.Column<Guid>(type: "TEXT", nullable: false),
                    Seed = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Seats = table.Column<int>(type: "INTEGER", nullable: false),
                    RiskAreas = table.Column<string>(type: "TEXT", nullable: false),
                    ProductKinds = table.Column<string>(type: "TEXT", nullable: false),
                    Agreement = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AgreementNumerator = table.Column<int>(type: "INTEGER", nullable: false),
                    AgreementDenominator = table.Column<int>(type: "INTEGER", nullable: false),
                    Candidates = table.Column<string>(type: "TEXT", nullable: false),
                    Seated = table.Column<string>(type: "TEXT", nullable: false),
                    Drawn = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelDraws", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PanelDraws_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DecisionConditions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecisionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionConditions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DecisionConditions_Decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "Decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DecisionVersion",
                columns: table => new
                {
                    DecisionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductVersionId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionVersion", x => new { x.DecisionId, x.ProductVersionId });
                    table.ForeignKey(
                        name: "FK_DecisionVersion_Decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "Decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DecisionVersion_ProductVersions_ProductVersionId",
                        column: x => x.ProductVersionId,
                        principalTable: "ProductVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RegistryEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecisionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Visibility = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SectorDepartmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProviderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Provider = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Product = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Versions = table.Column<string>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistryEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegistryEntries_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RegistryEntries_Decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "Decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PanelSeats",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DrawId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExpertId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    SeatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReleasedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReleasedByDrawId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Vote = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    VoteReasoning = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    VotedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelSeats", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PanelSeats_AspNetUsers_ExpertId",
                        column: x => x.ExpertId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PanelSeats_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PanelSeats_PanelDraws_DrawId",
                        column: x => x.DrawId,
                        principalTable: "PanelDraws",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExpertOpinions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SeatId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RiskArea = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Rating = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Reasoning = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    GivenAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpertOpinions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExpertOpinions_PanelSeats_SeatId",
                        column: x => x.SeatId,
                        principalTable: "PanelSeats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DecisionConditions_DecisionId",
                table: "DecisionConditions",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_CaseId",
                table: "Decisions",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_SupersedesId",
                table: "Decisions",
                column: "SupersedesId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DecisionVersion_ProductVersionId",
                table: "DecisionVersion",
                column: "ProductVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_ExpertOpinions_CaseId",
                table: "ExpertOpinions",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ExpertOpinions_SeatId_RiskArea",
                table: "ExpertOpinions",
                columns: new[] { "SeatId", "RiskArea" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PanelDraws_CaseId",
                table: "PanelDraws",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_PanelSeats_CaseId",
                table: "PanelSeats",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_PanelSeats_DrawId",
                table: "PanelSeats",
                column: "DrawId");

            migrationBuilder.CreateIndex(
                name: "IX_PanelSeats_ExpertId",
                table: "PanelSeats",
                column: "ExpertId");

            migrationBuilder.CreateIndex(
                name: "IX_RegistryEntries_CaseId",
                table: "RegistryEntries",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_RegistryEntries_DecisionId",
                table: "RegistryEntries",
                column: "DecisionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RegistryEntries_Visibility_PublishedAt",
                table: "RegistryEntries",
                columns: new[] { "Visibility", "PublishedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DecisionConditions");

            migrationBuilder.DropTable(
                name: "DecisionVersion");

            migrationBuilder.DropTable(
                name: "ExpertOpinions");

            migrationBuilder.DropTable(
                name: "ExpertProfiles");

            migrationBuilder.DropTable(
                name: "RegistryEntries");

            migrationBuilder.DropTable(
                name: "PanelSeats");

            migrationBuilder.DropTable(
                name: "Decisions");

            migrationBuilder.DropTable(
                name: "PanelDraws");
        }
    }
}
