"""Chapter 5, responsible operations: the company's operating statistics, each sentence only when its
figures are given for the year ('missing' leaves the sentence out)."""


def _ordinal(n: str) -> str:
    k = int(n.replace(",", ""))
    suffix = "th" if 10 <= k % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(k % 10, "th")
    return f"{n}{suffix}"


def _stated(text):
    return {"stated": text, "missing": ""}


TEMPLATES = {
    "ops.scope": {
        "year_only": "Every figure in this chapter is for {year} only: the report gives no {prior_year} "
                     "comparatives, so none of them can be compared with a prior year.",
        "with_prior": "The figures are for {year}; the report gives {prior_year} comparatives for {n_prior} of them.",
        "none": "The report gives none of this chapter's figures for {year}.",
        "comparative": "This edition is built from the comparative figures of the {report_year} report, which gives "
                       "its operating statistics for {report_year} only: there are none for {year}, so each section "
                       "below is a one-line note.",
    },
    "ops.smb_model": _stated(
        "**Small-business finance (小微金融).** A model that recognises small-business owners among borrowers reaches "
        "an AUC (小微識別模型整體AUC) of {auc}, a measure of how well it separates business owners from other "
        "borrowers, reported without the sample it was measured on. It picked out {new_users} part-time and "
        "household business owners the company had not flagged before, growing the identified group by {growth}."),
    "ops.smb_industry": _stated(
        "Industry information now covers {coverage} of these users, drawing on a knowledge graph of {industries} "
        "industries, and {tagged} users carry an industry tag."),
    "ops.telesales": _stated(
        "**Telesales (智慧電銷).** With a large-model practice robot, call duration (通話時長) rose by {duration}; "
        "automated quality checks (自動化質檢) cover {qc} of calls and detect {detection} more issues; {scripts} of "
        "machine-written scripts are rated high quality (優質話術生成率). Longer calls are presented as a better "
        "experience; they are also a cost, and the report does not say which way it weighs them."),
    "ops.marketing": _stated(
        "**Marketing (智慧行銷).** The models now produce {image} of image assets and {video} of video assets. "
        "Customer reach (客戶觸達規模) rose by {reach}, lead identification is {accuracy} accurate, conversion rose "
        "by {conversion} and the cost of granting credit (授信成本) fell by {credit_cost}."),
    "ops.rnd": _stated(
        "**Research and development (研發).** The 毓智 AI coding assistant has written {lines} lines in {blocks} code "
        "blocks, about {per_block} lines a block, and the company credits it with {share} of code-writing work."),
    "ops.ai_caveat": _stated(
        "Most of these are changes (\"rose by\", \"fell by\") whose starting point is not given, and for rates it "
        "is not clear whether a change is relative or in percentage points. They describe the direction of the "
        "technology more than its scale ({{numref}}`tbl-ops-ai`)."),
    "ops.case": _stated(
        "The report illustrates the small-business model with one borrower, a workshop owner whose credit line "
        "(信用額度) started at {initial} and was raised to {raised} ({increase} more), and who borrowed {borrowings} "
        "times in the year: an anecdote, not a statistic."),
    "ops.platform": _stated(
        "The in-house data platform reports speed and reliability rather than volume: the new query engine cut "
        "resource use and waiting time by {cost_cut}, {fast_share} of analysis scenarios return within "
        "{threshold}, AI diagnoses {diagnosed} of system anomalies, the system repairs {self_healing} of failed "
        "tasks by itself, and the service-level agreement (SLA) is met {sla} of the time "
        "({{numref}}`tbl-ops-data-platform`). An SLA percentage only means "
        "something against its target and measurement window, neither of which is stated."),
    "ops.certifications": {
        "stated": "The {year} report rests data governance on certifications ({certifications}), internal rules "
                  "on data security and classification, and a data trust platform with watermarking, privacy "
                  "detection and dynamic masking.",
        "missing": "",
    },
    "ops.data_crime": _stated(
        "**Action against data crime (打擊數據違法行為).** The company handled {apps} counterfeit 360借條 apps, found "
        "{channels} active black- and grey-market channels trading data, investigated {sellers} selling data and "
        "stopped {loss} of data-leak losses. It monitored {platforms} websites, pages and apps, had {blocked} "
        "counterfeit sites and apps blocked, and reported {posts} posts and videos that impersonated its customer "
        "service ({{numref}}`tbl-ops-data-security`). How the loss figure is "
        "estimated is not explained."),
    "ops.no_hacking": {
        "stated": "**Emergency response (應急回應).** The {year} report states that no incident was caused by "
                  "hacking or malware in {year}.",
        "missing": "",
    },
    "ops.alerts": _stated(
        "The company counts {alerts} borrowing reminders and interceptions for users at risk of fraud, protecting "
        "{funds} of consumer funds: about CNY {per_alert} per reminder, which suggests most reminders are routine "
        "prompts rather than stopped frauds. These are not the anti-fraud figures of {{ref}}`customers-anti-fraud`, "
        "and the two should not be added together without knowing how they overlap."),
    "ops.panshi": _stated(lambda f: (
        f"**The 磐石行動 exercise.** In this live attack-and-defence exercise, {f['attack']} attack teams faced "
        f"{f['defence']} defence teams over {f['days']}, the first {f['group_days']} of them a group stage. The "
        f"company's team ranked {_ordinal(f['rank'])} among the defenders, within the best {f['percentile']} "
        "({numref}`tbl-ops-data-security`).")),
    "ops.argus": _stated(
        "Applications are {remote} remote with electronic signing, {auto_approval} of credit approvals are "
        "automatic, and the average approval takes {approval_s} and a drawdown {drawdown_s}. Argus runs {rules} "
        "decision rules, {models} machine-learning models and {features} risk features, and its automated "
        "decisions are stated to be {accuracy} accurate."),
    "ops.argus_graph": _stated(
        "Its anti-fraud relationship graph holds {nodes} nodes and {edges} edges, some {per_node} edges per node, "
        "and it runs {daily} computations a day; drawing first- and second-degree connections takes {first_ms} "
        "and {second_ms} ({{numref}}`tbl-ops-argus`)."),
    "ops.loss_rates": _stated(
        "Two loss measures need care. The fraud loss rate (欺詐損失率) is {fraud_rate}, while the impersonation and "
        "account loss rate (偽冒及賬戶損失發生率) is {impersonation}. They measure different things on bases the "
        "report does not define, so the one cannot be checked against the other."),
    "ops.ip": _stated(
        "At the end of {year} the company held {trademarks} registered trademarks (註冊商標) in China and abroad, "
        "{applications} patent applications (專利申請), of which {granted} have been granted (授權專利), and "
        "{copyrights} copyright registrations (版權登記). The report's sub-heading over the trademark figure reads "
        "\"patent protection\" (專利保護); the figure is about trademarks."),
    "ops.ip_granted_share": {
        "exact": "Granted patents are part of the applications, not additional to them: {share} of the "
                 "applications have been granted so far.",
        "upper_bound": "Granted patents are part of the applications, not additional to them: at most about "
                       "{share} of the applications have been granted so far, an upper bound since the count of "
                       "applications is a floor.",
        "approximate": "Granted patents are part of the applications, not additional to them: roughly {share} of "
                       "the applications have been granted so far, both counts being hedged.",
        "missing": "",
    },
    "ops.intro": {
        "chapter": "This chapter gathers what the report says about the technology behind the business: large "
                   "language models put to work in lending, marketing and coding, the 毓數 data platform, data "
                   "security, the Argus risk engine and the company's patents and trademarks. The figures are the "
                   "company's own operating statistics, given without method or baseline, and in very different units "
                   "(percentages, tens of thousands of people, hundreds of millions of yuan, milliseconds). The tables "
                   "list them exactly as published, including the report's hedges (\"more than\", \"about\", "
                   "\"below\"), one table per section. Figures of unlike kinds (an SLA, a conversion rate, a count of "
                   "teams) are never ranked against each other.",
        "ai": "The report describes large models at work in four places: finding small-business owners among "
              "borrowers, telesales, marketing, and writing code. Its figures are mostly rates and changes.",
        "platform": "The in-house data platform is measured by speed and reliability: query cost, response times, "
                    "automatic diagnosis and repair, and the share of time its service-level agreement (SLA) is met.",
        "security": "HKEX B6.5 asks how a company protects consumer data and privacy. The report answers with "
                    "certifications and internal rules, and with figures for its action outside its walls: against "
                    "counterfeit apps, data traders and impersonation, and in its emergency response.",
        "argus": "Argus is the engine that decides on credit and screens for fraud. The report measures it by "
                 "automation, speed, scale and loss rates. HKEX B6.4 asks about quality assurance and recall "
                 "procedures; for a lending service, the engine's figures are the nearest the report comes to the "
                 "first, and recalls do not apply.",
        "ip": "HKEX B6.3 asks how a company observes and protects intellectual property rights. The report counts "
              "what the company holds at the end of the year: trademarks, patent applications and grants, and "
              "copyrights.",
    },
    "ops.section_none": {
        "comparative": "No figures on {what} for {year} (see the note at the top of the chapter)",
        "none": "The {year} report, as the data hold it, gives no figures on {what}",
        "no_longer": "The data for {year} no longer disclose any figure on {what}: {prior_year} had {n_prior}",
    },
    "ops.ip_entities": _stated(
        "The group had {entities} entities, in Beijing and Shanghai, recognised as national intellectual property "
        "advantage enterprises ({{numref}}`tbl-ops-ip`)."),
}
