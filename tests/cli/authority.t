# redress authority: the profiles, their rules and sources after inheritance.

$ redress authority list
bournemouth                Bournemouth, Christchurch and Poole Council; inherits statutory
corporate                  Corporate complaints (Complaint Handling Code); inherits statutory
essex                      Essex County Council; inherits statutory
gloucestershire            Gloucestershire County Council; inherits statutory
gloucestershire-corporate  Gloucestershire County Council (corporate process); inherits corporate
oxfordshire                Oxfordshire County Council; inherits statutory
statutory                  Statutory procedure (England)

# Essex restates the statutory clocks with its own words; the rest is inherited
$ redress authority show essex
essex: Essex County Council
inherits: statutory
calendar: england-and-wales
|
complaint_time_limit
    label     Complaint made within a year
    clock     12 months after aware
    met by    received
    applies   stage 0; complaint; complainant's clock; basis: council
    source    Essex County Council, "Childrens Social Care: complaints, comments and compliments" (20 November 2018)
    quote     "We are only required to resolve complaints if the problem occurred within the last 12 months."
    defined   profile essex, line 10
|
stage1_response
    label     Stage 1 response
    clock     10 working days after received; 20 working days once stage1_extended
    met by    stage1_response_sent
    applies   stage 1; complaint; council's clock; basis: council
    source    Essex County Council, "Childrens Social Care: complaints, comments and compliments" (20 November 2018)
    quote     "Wherever possible you will receive a response from a manager within 10 working days."
    defined   profile essex, line 16
|
stage1_response_max
    label     Stage 1 response, extended maximum
    clock     20 working days after received
    met by    stage1_response_sent
    applies   stage 1; complaint; council's clock; basis: council
    source    Essex County Council, "Childrens Social Care: complaints, comments and compliments" (20 November 2018)
    quote     "If necessary this may be extended to 20 working days."
    defined   profile essex, line 23
|
stage2_request
    label     Stage 2 request window
    clock     20 working days after stage1_response_sent
    met by    stage2_requested
    applies   stage 2; complaint; complainant's clock; basis: guidance
    source    DfES, Getting the Best from Complaints: Social Care Complaints and Representations for Children, Young People and Others (2006)
    note      Council practice following the guidance; a late request is refused only with a coded reason that names the Ombudsman.
    defined   profile statutory, line 50
|
stage2_response
    label     Stage 2 response
    clock     25 working days after stage2_requested; 65 working days once stage2_extended
    met by    stage2_response_sent
    target    counted from statement_agreed
    applies   stage 2; complaint; council's clock; basis: council
    source    Essex County Council, "Childrens Social Care: complaints, comments and compliments" (20 November 2018)
    quote     "We will aim to let you have this reply, with the outcome of the investigation, within 25 working days."
    defined   profile essex, line 29
|
stage2_response_max
    label     Stage 2 response, extended maximum
    clock     65 working days after stage2_requested
    met by    stage2_response_sent
    target    counted from statement_agreed
    applies   stage 2; complaint; council's clock; basis: council
    source    Essex County Council, "Childrens Social Care: complaints, comments and compliments" (20 November 2018)
    quote     "If your investigation takes longer than this you will be informed and advised of the outcome within 65 working days."
    defined   profile essex, line 36
|
stage3_request
    label     Stage 3 request window
    clock     20 working days after stage2_response_sent
    met by    stage3_requested
    applies   stage 3; complaint; complainant's clock; basis: regulation
    source    The Children Act 1989 Representations Procedure (England) Regulations 2006 (SI 2006/1738), https://www.legislation.gov.uk/uksi/2006/1738, reg 18
    defined   profile statutory, line 86
|
panel
    label     Review panel meets
    clock     30 working days after stage3_requested
    met by    panel_held
    applies   stage 3; complaint; council's clock; basis: council
    source    Essex County Council, "Childrens Social Care: complaints, comments and compliments" (20 November 2018)
    quote     "The Stage 3 review panel consists of three independent people who will usually meet within 30 working days of the Customer Care Team receiving your request."
    defined   profile essex, line 42
|
panel_notice
    label     Panel details to complainant
    clock     10 working days before panel_date
    met by    panel_notice_sent
    applies   stage 3; complaint; council's clock; basis: guidance
    source    DfES, Getting the Best from Complaints: Social Care Complaints and Representations for Children, Young People and Others (2006)
    defined   profile statutory, line 107
|
panel_findings
    label     Panel findings and recommendations
    clock     5 working days after panel_held (until then, panel's due date)
    met by    findings_sent
    applies   stage 3; complaint; council's clock; basis: council
    source    Essex County Council, "Childrens Social Care: complaints, comments and compliments" (20 November 2018)
    quote     "Following a review, the panel members will make recommendations to the Director for Vulnerable Children, within 5 working days, on whether or not something else needs to be done about your complaint."
    defined   profile essex, line 48
|
stage3_response
    label     Local authority's response to the panel
    clock     15 working days after findings_sent (until then, panel_findings's due date)
    met by    stage3_response_sent
    applies   stage 3; complaint; council's clock; basis: council
    source    Essex County Council, "Childrens Social Care: complaints, comments and compliments" (20 November 2018)
    quote     "The Director will write to let you know the final decision within 15 working days."
    defined   profile essex, line 54
