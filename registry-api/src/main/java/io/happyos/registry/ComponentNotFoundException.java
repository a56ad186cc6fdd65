package io.happyos.registry;

/** No component has the id given. */
public class ComponentNotFoundException extends RegistryException {

    private static final long serialVersionUID = 1L;

    /** The id of the component concerned. */
    private final String componentId;

    /**
     * The error for an unknown id.
     *
     * @param componentId the id that matched nothing
     */
    public ComponentNotFoundException(String componentId) {
        super("no component with id '" + componentId + "': list the ids with registry:list --all");
        this.componentId = componentId;
    }

    /**
     * The id that matched nothing.
     *
     * @return the id
     */
    public String componentId() {
        return componentId;
    }
}
