package io.tidings.platform;

import java.util.List;

/**
 * Task query bodies that smuggle an expression in: as a plain field, inside
 * {@code orQueries} (the Community edition's unpatched flaw), nested deeper, as a JSON
 * unicode escape, as a field name, with {@code #{}}.
 */
final class TaskQueryBodies {

	static final List<String> WITH_EXPRESSIONS = List.of("{\"assigneeExpression\": \"${currentUser()}\"}",
			"{\"orQueries\": [{\"assigneeExpression\": \"${currentUser()}\"}]}",
			"{\"assignee\": \"demo\", \"orQueries\": [{\"name\": \"a\"}, {\"candidateGroupsExpression\": \"${execution}\"}]}",
			"{\"orQueries\": [{\"processVariables\": [{\"name\": \"x\", \"operator\": \"eq\", \"value\": \"${1+1}\"}]}]}",
			"{\"orQueries\": [{\"assigneeExpression\": \"\\u0024{currentUser()}\"}]}",
			"{\"orQueries\": [{\"${field}\": \"x\"}]}",
			"{\"orQueries\": [{\"assigneeExpression\": \"#{currentUser()}\"}]}",
			"{\"orQueries\": [{\"assigneeExpression\": \"${\"}]} trailing junk ${x}");

	private TaskQueryBodies() {
	}

}
